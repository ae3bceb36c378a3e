using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

public sealed class ProgramSpecs
{
    [Fact]
    public void Every_program_option_is_read()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            [program:web]
            command=/bin/web --port 80
            priority=5
            autostart=false
            startsecs=0
            startretries=7
            autorestart=true
            exitcodes=0,2
            stopsignal=INT
            stopwaitsecs=3
            stopasgroup=true
            user=root
            redirect_stderr=true
            stdout_logfile=%(here)s/web.log
            stdout_logfile_maxbytes=1MB
            stdout_logfile_backups=0
            stdout_capture_maxbytes=1KB
            stdout_events_enabled=true
            stdout_syslog=true
            environment=A=1
            directory=/tmp
            umask=002
            serverurl=unix:///tmp/x.sock
            """
        );

        var p = result.Config!.Groups[0].Processes[0];
        p.Should()
            .BeEquivalentTo(
                new
                {
                    Priority = 5,
                    Autostart = false,
                    StartSecs = 0,
                    StartRetries = 7,
                    AutoRestart = AutoRestart.True,
                    StopSignal = 2,
                    StopWaitSecs = 3,
                    StopAsGroup = true,
                    KillAsGroup = true,
                    User = "root",
                    Uid = (int?)0,
                    RedirectStderr = true,
                    Directory = "/tmp",
                    Umask = (int?)2,
                    ServerUrl = "unix:///tmp/x.sock",
                }
            );
        p.ExitCodes.Should().Equal(0, 2);
        p.Stdout.Should()
            .Be(new LogChannelConfig(LogTarget.File, $"{temp.Dir}/web.log", 1024 * 1024, 0, 1024, true, true));
        p.Stderr.Target.Should().Be(LogTarget.None);
        result.Config.Groups[0].Priority.Should().Be(5);
    }

    [Fact]
    public void Numprocs_names_processes_with_process_num_and_sorts_them()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            [program:multi]
            command=/bin/sleep %(process_num)d
            process_name=%(program_name)s_%(process_num)02d
            numprocs=3
            numprocs_start=9
            stdout_logfile=%(here)s/%(process_num)d-of-%(numprocs)d.log
            environment=N="%(process_num)s"
            directory=/tmp/%(group_name)s
            """
        );

        var processes = result.Config!.Groups.Should().ContainSingle().Subject.Processes;
        processes.Select(p => p.Name).Should().Equal("multi_09", "multi_10", "multi_11");
        processes.Select(p => p.Command).Should().Equal("/bin/sleep 9", "/bin/sleep 10", "/bin/sleep 11");
        processes[0].Stdout.Path.Should().Be($"{temp.Dir}/9-of-3.log");
        processes[2].Environment.Should().Equal(new EnvironmentVariable("N", "11"));
        processes[0].Directory.Should().Be("/tmp/multi");
    }

    [Fact]
    public void Process_name_may_differ_from_the_program_name()
    {
        using var temp = new TempConfig();
        var group = temp.LoadWithHead("[program:cat3]\ncommand=cat\nprocess_name=replaced\n").Config!.Groups[0];

        group.Name.Should().Be("cat3");
        group.Processes[0].Name.Should().Be("replaced");
    }

    [Fact]
    public void Program_environment_is_merged_over_the_daemon_environment_and_feeds_env_expansions()
    {
        using var temp = new TempConfig();
        temp.Write(
            "supervisord.conf",
            TempConfig.Head.Replace("[supervisord]\n", "[supervisord]\nenvironment=G=global,SHARED=daemon\n")
                + """
                [program:p]
                command=/bin/echo %(ENV_G)s %(ENV_OWN)s %(ENV_TESTVAR)s
                environment=OWN=mine,SHARED=program
                """
        );

        var p = temp.Load().Config!.Groups[0].Processes[0];

        p.Command.Should().Be("/bin/echo global mine tv");
        p.Environment.Should()
            .Equal(
                new EnvironmentVariable("G", "global"),
                new EnvironmentVariable("SHARED", "program"),
                new EnvironmentVariable("OWN", "mine")
            );
    }

    [Fact]
    public void Killasgroup_follows_stopasgroup_unless_set()
    {
        using var temp = new TempConfig();
        var p = temp.LoadWithHead("[program:p]\ncommand=x\nstopasgroup=true\n").Config!.Groups[0].Processes[0];

        p.KillAsGroup.Should().BeTrue();
    }

    [Fact]
    public void Serverurl_auto_means_null()
    {
        using var temp = new TempConfig();
        temp.LoadWithHead("[program:p]\ncommand=x\nserverurl=auto\n")
            .Config!.Groups[0]
            .Processes[0]
            .ServerUrl.Should()
            .BeNull();
    }

    [Theory]
    [InlineData("none", LogTarget.None)]
    [InlineData("OFF", LogTarget.None)]
    [InlineData("Auto", LogTarget.Auto)]
    [InlineData("syslog", LogTarget.Syslog)]
    public void Logfile_names_have_their_special_values(string value, LogTarget target)
    {
        using var temp = new TempConfig();
        var stdout = temp.LoadWithHead($"[program:p]\ncommand=x\nstdout_logfile={value}\n")
            .Config!.Groups[0]
            .Processes[0]
            .Stdout;

        stdout.Target.Should().Be(target);
        stdout.Path.Should().BeNull();
        stdout.Syslog.Should().Be(target == LogTarget.Syslog);
    }

    [Fact]
    public void Parse_warnings_match_supervisors()
    {
        using var temp = new TempConfig();
        var warnings = temp.LoadWithHead(
                """
                [program:foo]
                command=x
                redirect_stderr=true
                stderr_logfile=/tmp/e.log
                stdout_logfile=syslog
                stderr_logfile_maxbytes=0
                """
            )
            .Warnings.Select(w => w.Message);

        warnings
            .Should()
            .Contain(
                "For [program:foo], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored"
            );
        warnings
            .Should()
            .Contain(
                "For [program:foo], stdout_logfile=syslog but this is deprecated and will be removed.  Use stdout_syslog=true to enable syslog instead."
            );
    }

    [Fact]
    public void Auto_log_without_rollover_is_warned_about()
    {
        using var temp = new TempConfig();
        temp.LoadWithHead("[program:foo]\ncommand=x\nstdout_logfile_maxbytes=0\n")
            .Warnings.Select(w => w.Message)
            .Should()
            .Contain(
                "For [program:foo], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally"
            );
    }

    [Fact]
    public void Literal_percent_is_written_twice()
    {
        using var temp = new TempConfig();
        temp.LoadWithHead("[program:p]\ncommand=printf 100%%\n")
            .Config!.Groups[0]
            .Processes[0]
            .Command.Should()
            .Be("printf 100%");
    }

    [Fact]
    public void Zero_numprocs_gives_an_empty_group_as_in_supervisor()
    {
        using var temp = new TempConfig();
        temp.LoadWithHead("[program:p]\ncommand=x\nnumprocs=0\n").Config!.Groups[0].Processes.Should().BeEmpty();
    }

    [Fact]
    public void Groups_and_processes_are_sorted_by_priority_then_name()
    {
        using var temp = new TempConfig();
        var groups = temp.LoadWithHead(
            """
            [program:b]
            command=x
            [program:a]
            command=x
            [program:z]
            command=x
            priority=1
            [eventlistener:ev]
            command=x
            events=TICK_5
            """
        ).Config!.Groups;

        groups.Select(g => g.Name).Should().Equal("ev", "z", "a", "b");
        groups[0].Priority.Should().Be(-1);
    }

    [Fact]
    public void Host_node_name_expands_to_the_machine_name()
    {
        using var temp = new TempConfig();
        temp.LoadWithHead("[program:p]\ncommand=echo %(host_node_name)s\n")
            .Config!.Groups[0]
            .Processes[0]
            .Command.Should()
            .Be("echo " + Environment.MachineName);
    }
}
