using System.Net.Sockets;
using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class StatusCommandSpecs
{
    private static FakeSupervisor Daemon()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.AddRange([
            Info.Running("envdump", 7566),
            Info.Stopped("exiter"),
            Info.InState("failer", ProcessState.Fatal, "FATAL", "Exited too quickly (process log may have details)"),
            Info.Running("gA", 7565, group: "grp"),
            Info.Stopped("multi_01", group: "multi"),
            Info.InState("sleeper", ProcessState.Starting, "STARTING"),
            Info.InState("stubborn", ProcessState.Stopped, "STOPPED", "Nov 23 07:02 PM"),
        ]);
        return daemon;
    }

    [Fact]
    public void Status_prints_supervisors_verified_transcript_and_exits_3_when_any_process_is_stopped()
    {
        var run = Ctl.Run(Daemon(), "status");

        run.Out.Should()
            .Be(
                "envdump                          RUNNING   pid 7566, uptime 0:00:12\n"
                    + "exiter                           STOPPED   Not started\n"
                    + "failer                           FATAL     Exited too quickly (process log may have details)\n"
                    + "grp:gA                           RUNNING   pid 7565, uptime 0:00:12\n"
                    + "multi:multi_01                   STOPPED   Not started\n"
                    + "sleeper                          STARTING  \n"
                    + "stubborn                         STOPPED   Nov 23 07:02 PM\n"
            );
        run.ExitCode.Should().Be(3);
    }

    [Fact]
    public void Status_of_running_processes_exits_0()
    {
        var run = Ctl.Run(Daemon(), "status", "envdump", "grp:*");

        run.Out.Should()
            .Be(
                "envdump                          RUNNING   pid 7566, uptime 0:00:12\n"
                    + "grp:gA                           RUNNING   pid 7565, uptime 0:00:12\n"
            );
        run.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData("nosuchproc", "nosuchproc: ERROR (no such process)\n")]
    [InlineData("badgrp:*", "badgrp: ERROR (no such group)\n")]
    [InlineData("badgrp:", "badgrp: ERROR (no such group)\n")]
    [InlineData("grp:nope", "grp:nope: ERROR (no such process)\n")]
    public void Status_of_an_unknown_name_exits_4(string name, string expected)
    {
        var run = Ctl.Run(Daemon(), "status", name);

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(4);
    }

    [Fact]
    public void Unknown_names_print_before_the_status_lines_and_a_stopped_process_turns_exit_4_into_3()
    {
        var run = Ctl.Run(Daemon(), "status", "nosuch", "exiter");

        run.Out.Should()
            .Be("nosuch: ERROR (no such process)\n" + "exiter                           STOPPED   Not started\n");
        run.ExitCode.Should().Be(3);
    }

    [Fact]
    public void Status_all_lists_everything()
    {
        Ctl.Run(Daemon(), "status", "all").Out.Split('\n').Should().HaveCount(8);
    }

    [Fact]
    public void A_name_longer_than_30_characters_widens_every_line()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.Add(Info.Stopped(new string('a', 42)));
        daemon.Processes.Add(Info.Running("sleeper", 7273, description: "pid 7273, uptime 0:00:02"));

        Ctl.Run(daemon, "status")
            .Out.Should()
            .Be(
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa   STOPPED   Not started\n"
                    + "sleeper                                      RUNNING   pid 7273, uptime 0:00:02\n"
            );
    }

    [Theory]
    [InlineData(SocketError.AddressNotAvailable, "unix:///nonexistent.sock no such file\n")]
    [InlineData(SocketError.ConnectionRefused, "unix:///nonexistent.sock refused connection\n")]
    public void Status_of_an_unreachable_server_exits_4(SocketError error, string expected)
    {
        var daemon = new FakeSupervisor { Failure = Ctl.Unreachable(error) };

        var run = Ctl.Run(daemon, "-s", "unix:///nonexistent.sock", "status");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(4);
    }

    [Fact]
    public void Status_json_prints_the_selection_as_an_array_with_the_same_exit_code()
    {
        var run = Ctl.Run(Daemon(), "status", "--json", "exiter");

        run.Out.Should()
            .Be(
                """
                [
                  {
                    "name": "exiter",
                    "group": "exiter",
                    "process": "exiter",
                    "state": "STOPPED",
                    "state_code": 0,
                    "pid": 0,
                    "start": 0,
                    "stop": 0,
                    "uptime_seconds": 0,
                    "exitstatus": 0,
                    "spawnerr": "",
                    "description": "Not started",
                    "ready": false,
                    "ready_probe": "",
                    "depends_on": [],
                    "cpu_seconds": 0,
                    "rss_bytes": 0,
                    "spawns": 0,
                    "startretries": 0,
                    "backoff": "",
                    "backoff_max": null,
                    "backoff_jitter": 0,
                    "backoff_reset": 0,
                    "restart_throttle": false,
                    "env_files": []
                  }
                ]

                """
            );
        run.ExitCode.Should().Be(3);
    }

    [Fact]
    public void Status_json_asks_for_usage_and_carries_the_cpu_memory_and_spawns_the_daemon_read()
    {
        var daemon = new FakeSupervisor();
        var web = Info.Running("web", 42);
        web.CpuSeconds = 1.5;
        web.RssBytes = 12_345_678;
        web.Spawns = 3;
        daemon.Processes.Add(web);

        var run = Ctl.Run(daemon, "status", "--json");

        run.Out.Should()
            .Contain("\"cpu_seconds\": 1.5,")
            .And.Contain("\"rss_bytes\": 12345678,")
            .And.Contain("\"spawns\": 3");
        daemon.Calls.Should().Contain("ListProcessesWithUsage").And.NotContain("ListProcesses");
    }

    [Fact]
    public void Status_json_shows_the_lifecycle_options_with_forever_and_optional_env_files_spelled_as_in_the_config()
    {
        var daemon = new FakeSupervisor();
        var web = Info.Running("web", 42);
        web.Startretries = -1;
        web.Backoff = "exponential";
        web.BackoffMaxSeconds = 30;
        web.BackoffJitter = 0.2;
        web.BackoffResetSeconds = 60;
        web.RestartThrottle = true;
        web.EnvFiles.Add("/etc/web.env");
        web.EnvFiles.Add("-/etc/web.local.env");
        daemon.Processes.Add(web);

        var run = Ctl.Run(daemon, "status", "--json");

        run.Out.Should()
            .Contain("\"startretries\": \"forever\",")
            .And.Contain("\"backoff\": \"exponential\",")
            .And.Contain("\"backoff_max\": 30,")
            .And.Contain("\"backoff_jitter\": 0.2,")
            .And.Contain("\"backoff_reset\": 60,")
            .And.Contain("\"restart_throttle\": true,")
            .And.Contain("\"env_files\": [\n      \"/etc/web.env\",\n      \"-/etc/web.local.env\"\n    ]");
    }

    [Fact]
    public void Plain_status_does_not_ask_the_daemon_to_read_proc()
    {
        var daemon = Daemon();

        Ctl.Run(daemon, "status");

        daemon.Calls.Should().Contain("ListProcesses").And.NotContain("ListProcessesWithUsage");
    }
}
