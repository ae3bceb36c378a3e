using Supervise.Python;
using Supervise.Supervisorctl.CommandLine;

namespace Supervise.Supervisorctl.Configuration;

/// <summary>
/// Supervisor's options.expand for the ctl's file: Python's <c>value % expansions</c>, the daemon's own
/// <see cref="PyPercent"/>, with its error raised as a usage error.
/// </summary>
internal static class PercentExpander
{
    /// <param name="where">"section.option", named in the error.</param>
    /// <exception cref="UsageException">An unknown name or a malformed format.</exception>
    public static string Expand(string value, IReadOnlyDictionary<string, string> expansions, string where)
    {
        var names = expansions.ToDictionary(pair => pair.Key, pair => (object)pair.Value, StringComparer.Ordinal);
        return PyPercent.Expand(value, names, where, out var error) ?? throw new UsageException(error!);
    }
}
