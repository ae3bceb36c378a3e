namespace Supervise.Supervisord.Configuration.Model;

/// <summary>The <c>[supervisord]</c> section. Paths are absolute.</summary>
public sealed record DaemonSettings(
    string Logfile,
    long LogfileMaxBytes,
    int LogfileBackups,
    SupervisorLogLevel LogLevel,
    string Pidfile,
    int Umask,
    bool Nodaemon,
    bool Silent,
    int Minfds,
    int Minprocs,
    bool Nocleanup,
    string Childlogdir,
    string? User,
    string? Directory,
    bool StripAnsi,
    ValueList<EnvironmentVariable> Environment,
    string Identifier
)
{
    /// <summary>env_files= (beyond Supervisor): read at each spawn, under every program's own env_files=.</summary>
    public ValueList<EnvFileRef> EnvFiles { get; init; } = ValueList<EnvFileRef>.Empty;

    /// <summary>pdeathsig= (beyond Supervisor): PR_SET_PDEATHSIG for every child, through setpriv; 0 (the default) for none.</summary>
    public int DeathSignal { get; init; }

    /// <summary>watchdog= (beyond Supervisor): a watchdog process kills the children when the daemon dies.</summary>
    public bool Watchdog { get; init; } = true;

    /// <summary>subreaper= (beyond Supervisor): adopt orphaned descendants, so that stopasgroup can reach them.</summary>
    public bool Subreaper { get; init; } = true;
}

/// <summary>Supervisor's log levels, with its numeric values.</summary>
public enum SupervisorLogLevel
{
    Blather = 3,
    Trace = 5,
    Debug = 10,
    Info = 20,
    Warn = 30,
    Error = 40,
    Critical = 50,
}
