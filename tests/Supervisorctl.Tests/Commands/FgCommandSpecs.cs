using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class FgCommandSpecs
{
    [Theory]
    [InlineData(
        new[] { "fg" },
        "ERROR: no process name supplied\nfg <process>\tConnect to a process in foreground mode\n\t\tCtrl-C to exit\n"
    )]
    [InlineData(new[] { "fg", "a", "b" }, "ERROR: too many process names supplied\n")]
    [InlineData(new[] { "fg", "nosuch" }, "ERROR: bad process name supplied\n")]
    [InlineData(new[] { "fg", "stopped" }, "ERROR: process not running\n")]
    public void Fg_refuses_anything_but_one_running_process(string[] args, string expected)
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.Add(Info.Stopped("stopped"));

        var run = Ctl.Run(daemon, args);

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Fg_sends_each_typed_line_to_stdin_until_end_of_input()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.Add(Info.Running("cat", 5));
        var sent = new List<string>();
        daemon.OnStdin = (_, data) => sent.Add(data);

        var run = Ctl.Run(daemon, ["hello", "world"], null, "fg", "cat");

        run.Out.Should().StartWith("==> Press Ctrl-C to exit <==\n").And.EndWith("Exiting foreground\n");
        sent.Should().Equal("hello\n", "world\n");
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Fg_ends_when_the_process_dies()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.Add(Info.Running("cat", 5));
        daemon.OnStdin = (_, _) => throw Info.Fault(Fault.NotRunning, "cat");

        var run = Ctl.Run(daemon, ["hello"], null, "fg", "cat");

        run.Out.Should().EndWith("Process got killed\nExiting foreground\n");
    }
}
