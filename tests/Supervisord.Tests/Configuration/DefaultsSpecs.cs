using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

public sealed class DefaultsSpecs
{
    [Fact]
    public void Program_options_have_supervisors_defaults()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead("[program:cat]\ncommand=/bin/cat\n");

        var process = result.Config!.Groups.Should().ContainSingle().Subject.Processes.Should().ContainSingle().Subject;
        process
            .Should()
            .BeEquivalentTo(
                new
                {
                    Name = "cat",
                    ProgramName = "cat",
                    Command = "/bin/cat",
                    Directory = (string?)null,
                    Umask = (int?)null,
                    User = (string?)null,
                    Uid = (int?)null,
                    Priority = 999,
                    Autostart = true,
                    StartSecs = 1,
                    StartRetries = 3,
                    AutoRestart = AutoRestart.Unexpected,
                    StopSignal = 15,
                    StopWaitSecs = 10,
                    StopAsGroup = false,
                    KillAsGroup = false,
                    RedirectStderr = false,
                    ServerUrl = (string?)null,
                }
            );
        process.ExitCodes.Should().Equal(0);
        process.Environment.Should().BeEmpty();
        var auto = new LogChannelConfig(LogTarget.Auto, null, 50 * 1024 * 1024, 10, 0, false, false);
        process.Stdout.Should().Be(auto);
        process.Stderr.Should().Be(auto);
        result
            .Config.Groups[0]
            .Should()
            .Match<ProcessGroupConfig>(g => g.Name == "cat" && g.Priority == 999 && g.Kind == GroupKind.Program);
    }

    [Fact]
    public void Daemon_options_have_supervisors_defaults()
    {
        using var temp = new TempConfig();
        temp.Write("supervisord.conf", "[supervisord]\n");
        var cwd = Directory.GetCurrentDirectory();

        var daemon = temp.Load(environment: new Dictionary<string, string> { ["TMPDIR"] = temp.Dir }).Config!.Daemon;

        daemon
            .Should()
            .Be(
                new DaemonSettings(
                    Logfile: Path.Combine(cwd, "supervisord.log"),
                    LogfileMaxBytes: 50 * 1024 * 1024,
                    LogfileBackups: 10,
                    LogLevel: SupervisorLogLevel.Info,
                    Pidfile: Path.Combine(cwd, "supervisord.pid"),
                    Umask: 18,
                    Nodaemon: false,
                    Silent: false,
                    Minfds: 1024,
                    Minprocs: 200,
                    Nocleanup: false,
                    Childlogdir: temp.Dir,
                    User: null,
                    Directory: null,
                    StripAnsi: false,
                    Environment: ValueList<EnvironmentVariable>.Empty,
                    Identifier: "supervisor"
                )
            );
    }

    [Fact]
    public void Missing_servers_and_ctl_section_give_null_servers_and_ctl_defaults()
    {
        using var temp = new TempConfig();
        var config = temp.LoadWithHead("").Config!;

        config.UnixHttpServer.Should().BeNull();
        config.InetHttpServer.Should().BeNull();
        config.Ctl.Should().Be(new CtlSettings("http://localhost:9001", null, null, "supervisor", null));
        config.Groups.Should().BeEmpty();
        config.SourcePath.Should().Be(Path.Combine(temp.Dir, "supervisord.conf"));
    }

    [Fact]
    public void Every_daemon_option_is_read()
    {
        using var temp = new TempConfig();
        Directory.CreateDirectory(Path.Combine(temp.Dir, "logs"));
        temp.Write(
            "supervisord.conf",
            """
            [supervisord]
            logfile=%(here)s/logs/main.log
            logfile_maxbytes=1KB
            logfile_backups=2
            loglevel=warn
            pidfile=%(here)s/s.pid
            umask=077
            nodaemon=true
            silent=yes
            minfds=10
            minprocs=20
            nocleanup=on
            childlogdir=%(here)s/logs
            user=root
            directory=%(here)s
            strip_ansi=1
            environment=A="1",B=%(ENV_TESTVAR)s
            identifier=ident
            """
        );

        var daemon = temp.Load().Config!.Daemon;

        daemon
            .Should()
            .Be(
                new DaemonSettings(
                    $"{temp.Dir}/logs/main.log",
                    1024,
                    2,
                    SupervisorLogLevel.Warn,
                    $"{temp.Dir}/s.pid",
                    63,
                    true,
                    true,
                    10,
                    20,
                    true,
                    $"{temp.Dir}/logs",
                    "root",
                    temp.Dir,
                    true,
                    new ValueList<EnvironmentVariable>([new("A", "1"), new("B", "tv")]),
                    "ident"
                )
            );
    }

    [Fact]
    public void Server_sections_are_read_with_their_defaults()
    {
        using var temp = new TempConfig();
        var config = temp.LoadWithHead(
            """
            [unix_http_server]
            file=%(here)s/run/../s.sock

            [inet_http_server]
            port=127.0.0.1:9002
            username=u
            password={SHA}abc

            [supervisorctl]
            serverurl=unix://%(here)s/s.sock
            prompt=me
            history_file=%(here)s/h
            """
        ).Config!;

        config.UnixHttpServer.Should().Be(new UnixHttpServerSettings($"{temp.Dir}/s.sock", 448, null, null, null));
        config.InetHttpServer.Should().Be(new InetHttpServerSettings("127.0.0.1", 9002, "u", "{SHA}abc"));
        config.Ctl.Should().Be(new CtlSettings($"unix://{temp.Dir}/s.sock", null, null, "me", $"{temp.Dir}/h"));
    }
}
