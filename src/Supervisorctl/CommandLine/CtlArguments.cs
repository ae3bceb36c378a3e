namespace Supervise.Supervisorctl.CommandLine;

/// <summary>The command line after option processing; null means "not given".</summary>
/// <param name="Action">The action and its raw arguments, exactly as typed after the options.</param>
internal sealed record CtlArguments(
    string? ConfigFile,
    string? ServerUrl,
    string? Username,
    string? Password,
    string? HistoryFile,
    bool Interactive,
    bool Help,
    IReadOnlyList<string> Action
);
