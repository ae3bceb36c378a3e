namespace Supervise.Supervisord.Configuration.Model;

/// <summary>
/// One process, with every option expanded (<c>%(process_num)d</c> and the rest). Value equality is what reread uses
/// to decide that a group changed; source locations are deliberately not part of it.
/// </summary>
/// <param name="Name">The process name (after process_name expansion).</param>
/// <param name="ProgramName">The x of [program:x].</param>
/// <param name="Command">The command line as written (split by shell rules at spawn time).</param>
/// <param name="Directory">The chdir target as written after expansion (Supervisor does not resolve it), or null.</param>
/// <param name="Uid">The uid that <paramref name="User"/> resolved to at parse time.</param>
/// <param name="Umask">Octal umask value, or null to inherit the daemon's.</param>
/// <param name="StopSignal">Signal number.</param>
/// <param name="Environment">The program's environment= merged over [supervisord] environment= (program wins).</param>
/// <param name="ServerUrl">The value for SUPERVISOR_SERVER_URL, or null for AUTO.</param>
public sealed record ProcessConfig(
    string Name,
    string ProgramName,
    string Command,
    string? Directory,
    int? Umask,
    string? User,
    int? Uid,
    int Priority,
    bool Autostart,
    int StartSecs,
    int StartRetries,
    AutoRestart AutoRestart,
    ValueList<int> ExitCodes,
    int StopSignal,
    int StopWaitSecs,
    bool StopAsGroup,
    bool KillAsGroup,
    bool RedirectStderr,
    LogChannelConfig Stdout,
    LogChannelConfig Stderr,
    ValueList<EnvironmentVariable> Environment,
    string? ServerUrl
)
{
    /// <summary>depends_on= and ready= (not Supervisor's); the default changes nothing.</summary>
    public ReadinessConfig Readiness { get; init; } = ReadinessConfig.Default;

    // Beyond Supervisor (lifecycle): retries and restarts, and env files read at each spawn. Init-only, so that
    // Supervisor's options keep their positions; value equality still covers them for reread.
    public RestartPolicy Restart { get; init; } = RestartPolicy.Supervisor;

    /// <summary>[supervisord] env_files= then the program's, in order; environment= wins over all of them.</summary>
    public ValueList<EnvFileRef> EnvFiles { get; init; } = ValueList<EnvFileRef>.Empty;
}

public enum AutoRestart
{
    False,
    Unexpected,
    True,
}

/// <summary>One channel's (stdout or stderr) logging options.</summary>
/// <param name="Path">The file for <see cref="LogTarget.File"/>; null otherwise.</param>
public sealed record LogChannelConfig(
    LogTarget Target,
    string? Path,
    long MaxBytes,
    int Backups,
    long CaptureMaxBytes,
    bool EventsEnabled,
    bool Syslog
);

public enum LogTarget
{
    /// <summary>NONE / OFF: not written.</summary>
    None,

    /// <summary>AUTO: a file the daemon names in childlogdir.</summary>
    Auto,

    /// <summary>A named file (which may be /dev/stdout or /dev/stderr).</summary>
    File,

    /// <summary>The deprecated stdout_logfile=syslog.</summary>
    Syslog,
}

public sealed record EnvironmentVariable(string Name, string Value);
