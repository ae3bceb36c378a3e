using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>The options of a program section that are read once, before the per-process loop (no %(process_num)).</summary>
internal sealed record ProgramSettings(
    string ProgramName,
    int Priority,
    bool Autostart,
    AutoRestart AutoRestart,
    int StartSecs,
    int StartRetries,
    int StopSignal,
    int StopWaitSecs,
    bool StopAsGroup,
    bool KillAsGroup,
    ValueList<int> ExitCodes,
    bool RedirectStderr,
    int NumProcs,
    int NumProcsStart,
    long StdoutCaptureMaxBytes,
    bool StdoutEventsEnabled,
    long StderrCaptureMaxBytes,
    bool StderrEventsEnabled,
    string? ServerUrl,
    string? User,
    int? Uid,
    int? Umask,
    string ProcessNameFormat
)
{
    /// <summary>False when the program name or process_name was already refused, so expanded names need no check.</summary>
    public bool NamesAreValid { get; init; } = true;

    /// <summary>backoff=, backoff_max=, backoff_jitter=, backoff_reset=, restart_throttle= (beyond Supervisor).</summary>
    public RestartPolicy Restart { get; init; } = RestartPolicy.Supervisor;
}
