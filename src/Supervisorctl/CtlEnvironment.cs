using Supervise.Supervisorctl.Client;
using Supervise.Supervisorctl.Commands;
using Supervise.Supervisorctl.Shell;

namespace Supervise.Supervisorctl;

/// <summary>Everything the ctl takes from the outside world, so that tests can run it against fakes.</summary>
internal sealed record CtlEnvironment(
    TextWriter Out,
    TextWriter Error,
    ICtlConsole Console,
    Func<CtlSession, ISupervisorClient> ClientFactory,
    IReadOnlyDictionary<string, string> Variables,
    string CurrentDirectory,
    IReadOnlyList<string> SearchPaths,
    string ProgramName,
    TimeZoneInfo LocalZone
)
{
    /// <summary>Builds the shell's line reader once the session (history file, controller) is known.</summary>
    public Func<Controller, History, ILineReader>? LineReader { get; init; }

    /// <summary>A token for the next command; Ctrl-C cancels it.</summary>
    public Func<CancellationToken> CommandToken { get; init; } = () => CancellationToken.None;

    public static IReadOnlyList<string> DefaultSearchPaths() =>
        Configuration.CtlConfigReader.SearchPaths(Environment.ProcessPath);
}
