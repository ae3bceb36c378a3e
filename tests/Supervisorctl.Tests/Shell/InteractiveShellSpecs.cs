using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Shell;

public sealed class InteractiveShellSpecs
{
    private static FakeSupervisor Daemon()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.Add(Info.Running("sleeper", 7273, description: "pid 7273, uptime 0:00:02"));
        return daemon;
    }

    [Fact]
    public void A_piped_session_prints_what_supervisors_shell_prints_and_exits_0()
    {
        var run = Ctl.Run(Daemon(), [], "status\nfoo\nhelp quit\n");

        run.Out.Should()
            .Be(
                "sleeper                          RUNNING   pid 7273, uptime 0:00:02\n"
                    + "supervisor> sleeper                          RUNNING   pid 7273, uptime 0:00:02\n"
                    + "supervisor> *** Unknown syntax: foo\n"
                    + "supervisor> quit\tExit the supervisor shell.\n"
                    + "supervisor> \n"
            );
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Quit_ends_the_shell_before_later_lines_and_empty_lines_do_nothing()
    {
        var daemon = Daemon();

        var run = Ctl.Run(daemon, [], "\n   \nquit\nshutdown\n");

        run.Out.Should().EndWith("supervisor> supervisor> supervisor> \n");
        daemon.Calls.Should().NotContain("Shutdown");
    }

    [Fact]
    public void The_shell_asks_before_shutdown_reading_the_answer_from_the_console()
    {
        var daemon = Daemon();

        var run = Ctl.Run(daemon, ["y"], "shutdown\n", "-i");

        run.Out.Should()
            .Contain("supervisor> Really shut the remote supervisord process down y/N? Shut down\nsupervisor> \n");
        daemon.Calls.Should().Contain("Shutdown");
    }

    [Fact]
    public void The_prompt_comes_from_the_config_file()
    {
        var dir = Directory.CreateTempSubdirectory("ctl-shell-").FullName;
        try
        {
            var file = Path.Join(dir, "c.conf");
            File.WriteAllText(file, "[supervisorctl]\nprompt = box\n");

            var run = Ctl.Run(Daemon(), [], "", "-c", file);

            run.Out.Should().EndWith("box> \n");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_shell_exits_0_even_when_a_server_is_unreachable()
    {
        var daemon = new FakeSupervisor
        {
            Failure = Ctl.Unreachable(System.Net.Sockets.SocketError.AddressNotAvailable),
        };

        var run = Ctl.Run(daemon, [], "start x\n", "-s", "unix:///x.sock");

        run.Out.Should().Be("unix:///x.sock no such file\nsupervisor> unix:///x.sock no such file\nsupervisor> \n");
        run.ExitCode.Should().Be(0);
    }
}
