using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class StopRestartCommandSpecs
{
    [Theory]
    [InlineData(Fault.Success, "multi:multi_01: stopped\n", 0)]
    [InlineData(Fault.NotRunning, "multi:multi_01: ERROR (not running)\n", 0)]
    [InlineData(Fault.BadName, "multi:multi_01: ERROR (no such process)\n", 1)]
    public void Stopping_one_process_reports_its_outcome(Fault fault, string expected, int exit)
    {
        var daemon = new FakeSupervisor { OnStop = _ => [Info.Result("multi_01", fault, "multi")] };

        var run = Ctl.Run(daemon, "stop", "multi:multi_01");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(exit);
    }

    [Fact]
    public void A_failed_stop_prints_the_raw_fault_text()
    {
        var daemon = new FakeSupervisor
        {
            OnStop = name => throw Info.Fault(Fault.Failed, $"{name} could not be stopped"),
        };

        var run = Ctl.Run(daemon, "stop", "web");

        run.Out.Should().Be("FAILED: web could not be stopped\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void A_failed_result_in_a_group_prints_its_fault_text()
    {
        var daemon = new FakeSupervisor
        {
            OnStop = _ => [Info.Result("a", Fault.Failed, "g", "a is stuck"), Info.Result("b", Fault.Success, "g")],
        };

        var run = Ctl.Run(daemon, "stop", "g:");

        run.Out.Should().Be("FAILED: a is stuck\ng:b: stopped\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Stopping_an_unknown_group_exits_1()
    {
        var daemon = new FakeSupervisor { OnStop = _ => throw Info.Fault(Fault.BadName, "nogrp") };

        var run = Ctl.Run(daemon, "stop", "nogrp:*");

        run.Out.Should().Be("nogrp: ERROR (no such group)\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Stop_without_a_name_prints_the_error_and_help_and_exits_1()
    {
        var run = Ctl.Run(new FakeSupervisor(), "stop");

        run.Out.Should()
            .Be(
                "Error: stop requires a process name\n"
                    + "stop <name>\t\tStop a process\n"
                    + "stop <gname>:*\t\tStop all processes in a group\n"
                    + "stop <name> <name>\tStop multiple processes or groups\n"
                    + "stop all\t\tStop all processes\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Restart_stops_every_listed_name_before_starting_any()
    {
        var daemon = new FakeSupervisor
        {
            OnStop = name => [Info.Result(name, Fault.Success)],
            OnStart = name => [Info.Result(name, Fault.Success)],
        };

        var run = Ctl.Run(daemon, "restart", "a", "b");

        run.Out.Should().Be("a: stopped\nb: stopped\na: started\nb: started\n");
        run.ExitCode.Should().Be(0);
        daemon.Calls.Where(c => c != "GetVersion").Should().Equal("Stop a", "Stop b", "Start a", "Start b");
    }

    [Fact]
    public void Restart_of_a_stopped_process_ignores_not_running_and_exits_with_the_start_outcome()
    {
        var daemon = new FakeSupervisor
        {
            OnStop = name => throw Info.Fault(Fault.NotRunning, name),
            OnStart = name => throw Info.Fault(Fault.SpawnError, name),
        };

        var run = Ctl.Run(daemon, "restart", "failer");

        run.Out.Should().Be("failer: ERROR (not running)\nfailer: ERROR (spawn error)\n");
        run.ExitCode.Should().Be(7);
    }

    [Fact]
    public void Restart_without_a_name_prints_the_error_and_help_and_exits_1()
    {
        var run = Ctl.Run(new FakeSupervisor(), "restart");

        run.Out.Should()
            .Be(
                "Error: restart requires a process name\n"
                    + "restart <name>\t\tRestart a process\n"
                    + "restart <gname>:*\tRestart all processes in a group\n"
                    + "restart <name> <name>\tRestart multiple processes or groups\n"
                    + "restart all\t\tRestart all processes\n"
                    + "Note: restart does not reread config files. For that, see reread and update.\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Restart_json_prints_stop_and_start_results_in_one_array()
    {
        var daemon = new FakeSupervisor
        {
            OnStop = name => [Info.Result(name, Fault.Success)],
            OnStart = name => [Info.Result(name, Fault.Success)],
        };

        var run = Ctl.Run(daemon, "restart", "web", "--json");

        run.Out.Should()
            .Contain("\"action\": \"stop\"")
            .And.Contain("\"action\": \"start\"")
            .And.Contain("\"message\": \"web: started\"")
            .And.StartWith("[")
            .And.EndWith("]\n");
        run.ExitCode.Should().Be(0);
    }
}
