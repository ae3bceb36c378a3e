using System.Text;
using Supervise.Python;
using Supervise.Supervisorctl.CommandLine;

namespace Supervise.Supervisorctl.Configuration;

/// <summary>
/// Python's `value % expansions` as Supervisor's options.expand applies it: %(name)s is replaced, %% is a percent
/// sign, and anything else fails with Supervisor's message.
/// </summary>
internal static class PercentExpander
{
    /// <param name="where">"section.option", named in the error.</param>
    /// <exception cref="UsageException">An unknown name or a malformed format.</exception>
    public static string Expand(string value, IReadOnlyDictionary<string, string> expansions, string where)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                builder.Append(value[i]);
                continue;
            }
            if (i + 1 < value.Length && value[i + 1] == '%')
            {
                builder.Append('%');
                i++;
                continue;
            }
            var close = i + 1 < value.Length && value[i + 1] == '(' ? value.IndexOf(')', i + 2) : -1;
            if (close < 0)
            {
                throw BadlyFormatted(value, where, i + 1 < value.Length ? "format requires a mapping" : "incomplete format");
            }
            var name = value[(i + 2)..close];
            if (close + 1 >= value.Length)
            {
                throw BadlyFormatted(value, where, "incomplete format");
            }
            if (!expansions.TryGetValue(name, out var replacement))
            {
                var available = string.Join(", ", expansions.Keys.Order(StringComparer.Ordinal));
                throw new UsageException(
                    $"Format string {PyRepr.Of(value)} for {PyRepr.Of(where)} contains names ({PyRepr.Of(name)}) " +
                    $"which cannot be expanded. Available names: {available}");
            }
            if (value[close + 1] is not ('s' or 'r'))
            {
                throw BadlyFormatted(value, where, $"unsupported format character {PyRepr.Of(value[close + 1].ToString())}");
            }
            builder.Append(value[close + 1] == 'r' ? PyRepr.Of(replacement) : replacement);
            i = close + 1;
        }
        return builder.ToString();
    }

    private static UsageException BadlyFormatted(string value, string where, string reason) =>
        new($"Format string {PyRepr.Of(value)} for {PyRepr.Of(where)} is badly formatted: {reason}");
}
