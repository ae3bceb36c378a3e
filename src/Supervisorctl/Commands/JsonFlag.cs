using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>`--json` among a command's words (an extension; Supervisor has no such flag).</summary>
internal static class JsonFlag
{
    public static (List<string> Names, JsonResults? Json) Split(string arg)
    {
        var words = arg.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var json = words.Contains("--json") ? new JsonResults() : null;
        return ([.. words.Where(w => w != "--json")], json);
    }

    /// <summary>Runs an action on a value that may be null, so optional JSON output reads as one line.</summary>
    public static void Let<T>(this T value, Action<T> action) => action(value);
}
