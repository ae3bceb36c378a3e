namespace Supervise.Supervisorctl.Configuration;

/// <summary>The [supervisorctl] section as Supervisor's ClientOptions.read_config resolves it.</summary>
/// <param name="ServerUrl">Expanded; a unix:// path is made absolute and normalized.</param>
/// <param name="HistoryFile">Expanded and normalized, or null when unset or empty.</param>
internal sealed record CtlFileSettings(
    string ServerUrl,
    string Prompt,
    string? Username,
    string? Password,
    string? HistoryFile
);
