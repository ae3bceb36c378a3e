namespace Supervise.Supervisorctl.Commands;

/// <summary>The connection settings a session starts with; `open` and the credential prompt change them.</summary>
internal sealed class CtlSession
{
    public required string ServerUrl { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Supervisor's options.interactive: set by -i or by running without a command.</summary>
    public bool Interactive { get; init; }

    public string Prompt { get; init; } = "supervisor";

    public string? HistoryFile { get; init; }
}
