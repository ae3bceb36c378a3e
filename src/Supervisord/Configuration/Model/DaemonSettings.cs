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
    string Identifier);

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
