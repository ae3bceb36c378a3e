namespace Supervise.Supervisord.Configuration;

/// <summary>The text and exit status of <c>supervisord -c FILE --check</c>.</summary>
public static class CheckReport
{
    public static (string Text, int Status) Render(ConfigLoadResult result) =>
        result.Succeeded
            ? (string.Join("", result.Config!.Groups.SelectMany(g => g.Processes.Select(p => $"{g.Name}:{p.Name} {p.Command}\n"))), 0)
            : (string.Join("", result.Errors.Select(e => e + "\n")), 2);
}
