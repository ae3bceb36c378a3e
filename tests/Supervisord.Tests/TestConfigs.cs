using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests;

/// <summary>Configuration records for specs, with Supervisor's defaults.</summary>
public static class TestConfigs
{
    public static LogChannelConfig NoLog { get; } = new(LogTarget.None, null, 0, 0, 0, false, false);

    public static ProcessConfig Program(string name, string command = "/bin/true") =>
        new(
            Name: name,
            ProgramName: name,
            Command: command,
            Directory: null,
            Umask: null,
            User: null,
            Uid: null,
            Priority: 999,
            Autostart: true,
            StartSecs: 1,
            StartRetries: 3,
            AutoRestart: AutoRestart.Unexpected,
            ExitCodes: new ValueList<int>([0]),
            StopSignal: 15,
            StopWaitSecs: 10,
            StopAsGroup: false,
            KillAsGroup: false,
            RedirectStderr: false,
            Stdout: NoLog,
            Stderr: NoLog,
            Environment: ValueList<EnvironmentVariable>.Empty,
            ServerUrl: null
        );

    public static DaemonSettings Daemon(string directory) =>
        new(
            Logfile: Path.Combine(directory, "supervisord.log"),
            LogfileMaxBytes: 50 * 1024 * 1024,
            LogfileBackups: 10,
            LogLevel: SupervisorLogLevel.Info,
            Pidfile: Path.Combine(directory, "supervisord.pid"),
            Umask: 18,
            Nodaemon: true,
            Silent: false,
            Minfds: 1024,
            Minprocs: 200,
            Nocleanup: false,
            Childlogdir: directory,
            User: null,
            Directory: null,
            StripAnsi: false,
            Environment: ValueList<EnvironmentVariable>.Empty,
            Identifier: "supervisor"
        );
}
