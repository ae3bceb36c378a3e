using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

/// <summary>`top --once`: one table of state, CPU, memory and restarts, for scripts and for these specs.</summary>
public sealed class TopCommandSpecs
{
    [Fact]
    public void Top_once_prints_one_table_with_the_usage_the_daemon_read_and_exits_3_when_one_is_stopped()
    {
        var daemon = new FakeSupervisor();
        var web = Info.Running("web", 4242, group: "site");
        web.CpuSeconds = 3; // over 12 s of life: 25 %
        web.RssBytes = 25 * 1024 * 1024 + 512 * 1024;
        web.Spawns = 4;
        daemon.Processes.AddRange([web, Info.Stopped("idle")]);

        var run = Ctl.Run(daemon, "top", "--once");

        run.Out.Should()
            .Be(
                "NAME      STATE          PID    %CPU       RSS  RESTARTS  UPTIME\n"
                    + "site:web  RUNNING       4242    25.0     25.5M         3  0:00:12\n"
                    + "idle      STOPPED          -       -         -         0  -\n"
            );
        run.ExitCode.Should().Be(3);
        daemon.Calls.Should().Contain("ListProcessesWithUsage");
    }

    [Fact]
    public void Top_once_with_names_shows_only_those_processes()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.AddRange([Info.Running("a", 1, group: "g"), Info.Running("b", 2)]);

        var run = Ctl.Run(daemon, "top", "--once", "g:*");

        run.Out.Should().Contain("g:a").And.NotContain("\nb ");
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Top_is_an_extension_that_help_does_not_list_but_explains()
    {
        Ctl.Run(new FakeSupervisor(), "help")
            .Out.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .NotContain("top");
        Ctl.Run(new FakeSupervisor(), "help", "top").Out.Should().Contain("--once");
    }
}
