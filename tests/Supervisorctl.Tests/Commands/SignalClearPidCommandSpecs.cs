using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class SignalClearPidCommandSpecs
{
    [Theory]
    [InlineData(Fault.Success, "sleeper: signalled\n", 0)]
    [InlineData(Fault.NotRunning, "sleeper: ERROR (not running)\n", 7)]
    [InlineData(Fault.BadSignal, "sleeper: ERROR (bad signal name)\n", 1)]
    [InlineData(Fault.BadName, "sleeper: ERROR (no such process)\n", 1)]
    public void Signalling_one_process_reports_its_outcome(Fault fault, string expected, int exit)
    {
        var daemon = new FakeSupervisor { OnSignal = (name, _) => throw Info.Fault(fault, name) };
        if (fault == Fault.Success)
        {
            daemon.OnSignal = (name, _) => [Info.Result(name, Fault.Success)];
        }

        var run = Ctl.Run(daemon, "signal", "HUP", "sleeper");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(exit);
        daemon.Calls.Should().Contain("Signal HUP sleeper");
    }

    [Fact]
    public void Signal_needs_a_signal_and_a_name()
    {
        var run = Ctl.Run(new FakeSupervisor(), "signal", "HUP");

        run.Out.Should()
            .StartWith(
                "Error: signal requires a signal name and a process name\nsignal <signal name> <name>\t\tSignal a process\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Signalling_an_unknown_group_exits_1()
    {
        var daemon = new FakeSupervisor { OnSignal = (_, _) => throw Info.Fault(Fault.BadName, "g") };

        var run = Ctl.Run(daemon, "signal", "TERM", "g:*");

        run.Out.Should().Be("g: ERROR (no such group)\n");
        run.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData(Fault.Success, "web: cleared\n", 0)]
    [InlineData(Fault.BadName, "web: ERROR (no such process)\n", 1)]
    [InlineData(Fault.Failed, "web: ERROR (failed)\n", 1)]
    public void Clearing_a_log_reports_its_outcome(Fault fault, string expected, int exit)
    {
        var daemon = new FakeSupervisor { OnClear = name => [Info.Result(name, fault)] };

        var run = Ctl.Run(daemon, "clear", "web");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(exit);
    }

    [Fact]
    public void Clear_all_prints_every_result()
    {
        var daemon = new FakeSupervisor
        {
            OnClear = _ => [Info.Result("a", Fault.Success), Info.Result("b", Fault.Success, "g")],
        };

        Ctl.Run(daemon, "clear", "all").Out.Should().Be("a: cleared\ng:b: cleared\n");
    }

    [Fact]
    public void Clear_without_a_name_prints_the_error_and_help()
    {
        var run = Ctl.Run(new FakeSupervisor(), "clear");

        run.Out.Should()
            .Be(
                "Error: clear requires a process name\n"
                    + "clear <name>\t\tClear a process' log files.\n"
                    + "clear <name> <name>\tClear multiple process' log files\n"
                    + "clear all\t\tClear all process' log files\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Pid_without_a_name_prints_supervisords_pid()
    {
        var run = Ctl.Run(new FakeSupervisor { DaemonPid = 7563 }, "pid");

        run.Out.Should().Be("7563\n");
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Pid_of_a_stopped_process_prints_0_and_exits_7()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.Add(Info.Stopped("exiter"));

        var run = Ctl.Run(daemon, "pid", "exiter");

        run.Out.Should().Be("0\n");
        run.ExitCode.Should().Be(7);
    }

    [Fact]
    public void Pid_of_an_unknown_process_exits_1()
    {
        var run = Ctl.Run(new FakeSupervisor(), "pid", "bogus");

        run.Out.Should().Be("No such process bogus\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Pid_all_prints_one_pid_per_process()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.AddRange([Info.Running("a", 11), Info.Stopped("b")]);

        var run = Ctl.Run(daemon, "pid", "all");

        run.Out.Should().Be("11\n0\n");
        run.ExitCode.Should().Be(0);
    }
}
