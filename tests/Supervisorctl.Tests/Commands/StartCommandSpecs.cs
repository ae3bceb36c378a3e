using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class StartCommandSpecs
{
    [Theory]
    [InlineData(Fault.Success, "sleeper: started\n", 0)]
    [InlineData(Fault.AlreadyStarted, "sleeper: ERROR (already started)\n", 0)]
    [InlineData(Fault.NoFile, "sleeper: ERROR (no such file)\n", 1)]
    [InlineData(Fault.NotExecutable, "sleeper: ERROR (file is not executable)\n", 1)]
    [InlineData(Fault.SpawnError, "sleeper: ERROR (spawn error)\n", 7)]
    [InlineData(Fault.AbnormalTermination, "sleeper: ERROR (abnormal termination)\n", 7)]
    [InlineData(Fault.BadName, "sleeper: ERROR (no such process)\n", 1)]
    public void Starting_one_process_reports_its_outcome_with_supervisors_exit_code(
        Fault fault,
        string expected,
        int exit
    )
    {
        var daemon = new FakeSupervisor { OnStart = name => [Info.Result(name, fault)] };

        var run = Ctl.Run(daemon, "start", "sleeper");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(exit);
    }

    [Theory]
    [InlineData(Fault.BadName, "nosuch: ERROR (no such process)\n", 1)]
    [InlineData(Fault.SpawnError, "nosuch: ERROR (spawn error)\n", 7)]
    [InlineData(Fault.AlreadyStarted, "nosuch: ERROR (already started)\n", 0)]
    public void A_call_fault_for_one_name_is_printed_as_that_names_result(Fault fault, string expected, int exit)
    {
        var daemon = new FakeSupervisor { OnStart = name => throw Info.Fault(fault, name) };

        var run = Ctl.Run(daemon, "start", "nosuch");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(exit);
    }

    [Fact]
    public void Starting_a_group_prints_one_line_per_process_acted_on()
    {
        var daemon = new FakeSupervisor
        {
            OnStart = _ =>
                [Info.Result("multi_01", Fault.Success, "multi"), Info.Result("multi_02", Fault.Success, "multi")],
        };

        var run = Ctl.Run(daemon, "start", "multi:*");

        run.Out.Should().Be("multi:multi_01: started\nmulti:multi_02: started\n");
        run.ExitCode.Should().Be(0);
        daemon.Calls.Should().Equal("GetVersion", "Start multi:*");
    }

    [Fact]
    public void Starting_an_unknown_group_exits_2()
    {
        var daemon = new FakeSupervisor { OnStart = _ => throw Info.Fault(Fault.BadName, "bogusgrp") };

        var run = Ctl.Run(daemon, "start", "bogusgrp:*");

        run.Out.Should().Be("bogusgrp: ERROR (no such group)\n");
        run.ExitCode.Should().Be(2);
    }

    [Fact]
    public void Start_all_is_one_call_and_ignores_already_started()
    {
        var daemon = new FakeSupervisor
        {
            OnStart = _ => [Info.Result("a", Fault.AlreadyStarted), Info.Result("b", Fault.Success)],
        };

        var run = Ctl.Run(daemon, "start", "a", "all");

        run.Out.Should().Be("a: ERROR (already started)\nb: started\n");
        run.ExitCode.Should().Be(0);
        daemon.Calls.Should().Equal("GetVersion", "Start all");
    }

    [Fact]
    public void Start_without_a_name_prints_the_error_and_help_and_exits_2()
    {
        var run = Ctl.Run(new FakeSupervisor(), "start");

        run.Out.Should()
            .Be(
                "Error: start requires a process name\n"
                    + "start <name>\t\tStart a process\n"
                    + "start <gname>:*\t\tStart all processes in a group\n"
                    + "start <name> <name>\tStart multiple processes or groups\n"
                    + "start all\t\tStart all processes\n"
            );
        run.ExitCode.Should().Be(2);
    }

    [Fact]
    public void An_unexpected_result_code_is_reported_as_supervisors_value_error()
    {
        var daemon = new FakeSupervisor { OnStart = name => [Info.Result(name, Fault.Failed)] };

        var run = Ctl.Run(daemon, "start", "web");

        run.Out.Should()
            .Be(
                "error: <class 'ValueError'>, Unknown result code 30 for web: "
                    + "file: /usr/lib/python3/dist-packages/supervisor/supervisorctl.py line: 761\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Start_json_prints_the_results_as_an_array()
    {
        var daemon = new FakeSupervisor
        {
            OnStart = name => [Info.Result(name, Fault.SpawnError, description: "SPAWN_ERROR: web")],
        };

        var run = Ctl.Run(daemon, "start", "--json", "web");

        run.Out.Should()
            .Be(
                """
                [
                  {
                    "action": "start",
                    "name": "web",
                    "ok": false,
                    "fault": "SPAWN_ERROR",
                    "description": "SPAWN_ERROR: web",
                    "message": "web: ERROR (spawn error)"
                  }
                ]

                """
            );
        run.ExitCode.Should().Be(7);
    }
}
