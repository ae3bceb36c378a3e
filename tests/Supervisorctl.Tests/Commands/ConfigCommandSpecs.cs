using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class ConfigCommandSpecs
{
    [Fact]
    public void Avail_prints_supervisors_columns()
    {
        var daemon = new FakeSupervisor();
        daemon.Available.AddRange([
            new AvailEntry
            {
                Namespec = "envdump",
                InUse = true,
                Autostart = true,
                GroupPriority = 999,
                ProcessPriority = 999,
            },
            new AvailEntry
            {
                Namespec = "grp:gB",
                InUse = true,
                Autostart = false,
                GroupPriority = 100,
                ProcessPriority = 999,
            },
            new AvailEntry
            {
                Namespec = "newprog",
                InUse = false,
                Autostart = true,
                GroupPriority = 999,
                ProcessPriority = 999,
            },
        ]);

        var run = Ctl.Run(daemon, "avail");

        run.Out.Should()
            .Be(
                "envdump                          in use    auto      999:999\n"
                    + "grp:gB                           in use    manual    100:999\n"
                    + "newprog                          avail     auto      999:999\n"
            );
        run.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData("avail", "Error: avail accepts no arguments\navail\t\t\tDisplay all configured processes\n")]
    [InlineData(
        "reread",
        "Error: reread accepts no arguments\nreread \t\t\tReload the daemon's configuration files without add/remove\n"
    )]
    [InlineData("reload", "Error: reload accepts no arguments\nreload \t\tRestart the remote supervisord.\n")]
    [InlineData("shutdown", "Error: shutdown accepts no arguments\nshutdown \tShut the remote supervisord down.\n")]
    [InlineData(
        "version",
        "Error: version accepts no arguments\nversion\t\t\tShow the version of the remote supervisord process\n"
    )]
    public void Commands_without_arguments_reject_them_with_help_and_exit_1(string command, string expected)
    {
        var daemon = new FakeSupervisor();

        var run = Ctl.Run(daemon, command, "extra");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(1);
        daemon.Calls.Should().BeEmpty();
    }

    [Fact]
    public void Reread_prints_changes_sorted_by_name()
    {
        var daemon = new FakeSupervisor
        {
            OnReread = () =>
                new RereadReply
                {
                    Added = { "newprog" },
                    Changed = { "sleeper", "grp", "multi" },
                    Removed = { "nosuch" },
                },
        };

        Ctl.Run(daemon, "reread")
            .Out.Should()
            .Be("grp: changed\nmulti: changed\nnewprog: available\nnosuch: disappeared\nsleeper: changed\n");
    }

    [Fact]
    public void Reread_without_changes_says_so()
    {
        Ctl.Run(new FakeSupervisor(), "reread").Out.Should().Be("No config updates to processes\n");
    }

    [Fact]
    public void Reread_of_a_broken_config_prints_the_fault_text_and_exits_1()
    {
        var daemon = new FakeSupervisor { OnReread = () => throw Info.Fault(Fault.CantReread, "bad line 3") };

        var run = Ctl.Run(daemon, "reread");

        run.Out.Should().Be("ERROR: CANT_REREAD: bad line 3\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Update_removes_then_updates_then_adds_as_supervisor_does()
    {
        var daemon = new FakeSupervisor
        {
            OnReread = () =>
                new RereadReply
                {
                    Added = { "newprog" },
                    Changed = { "grp", "sleeper" },
                    Removed = { "nosuch" },
                },
        };

        var run = Ctl.Run(daemon, "update");

        run.Out.Should()
            .Be(
                "nosuch: stopped\nnosuch: removed process group\n"
                    + "grp: stopped\ngrp: updated process group\n"
                    + "sleeper: stopped\nsleeper: updated process group\n"
                    + "newprog: added process group\n"
            );
        run.ExitCode.Should().Be(0);
        daemon
            .Calls.Should()
            .Equal(
                "Reread",
                "Stop nosuch:*",
                "RemoveGroup nosuch",
                "Stop grp:*",
                "RemoveGroup grp",
                "AddGroup grp",
                "Stop sleeper:*",
                "RemoveGroup sleeper",
                "AddGroup sleeper",
                "AddGroup newprog"
            );
    }

    [Fact]
    public void Update_of_named_groups_touches_only_them_and_reports_unknown_ones()
    {
        var daemon = new FakeSupervisor
        {
            OnReread = () => new RereadReply { Added = { "newprog" }, Changed = { "grp" } },
        };
        daemon.Processes.Add(Info.Running("gA", 1, "grp"));

        var run = Ctl.Run(daemon, "update", "newprog", "bogus");

        run.Out.Should().Be("ERROR: no such group: bogus\nnewprog: added process group\n");
        run.ExitCode.Should().Be(1);
        daemon.Calls.Should().NotContain("Stop grp:*");
    }

    [Fact]
    public void Update_keeps_a_removed_group_whose_stop_failed()
    {
        var daemon = new FakeSupervisor
        {
            OnReread = () => new RereadReply { Removed = { "old" } },
            OnStop = _ => [Info.Result("old", Fault.Failed)],
        };

        var run = Ctl.Run(daemon, "update", "all");

        run.Out.Should().Be("old: stopped\nold: has problems; not removing\n");
        run.ExitCode.Should().Be(1);
        daemon.Calls.Should().NotContain("RemoveGroup old");
    }

    [Theory]
    [InlineData(Fault.None, "g: added process group\n", 0)]
    [InlineData(Fault.AlreadyAdded, "ERROR: process group already active\n", 0)]
    [InlineData(Fault.BadName, "ERROR: no such process/group: g\n", 1)]
    [InlineData(Fault.ShutdownState, "ERROR: shutting down\n", 1)]
    public void Add_reports_each_group(Fault fault, string expected, int exit)
    {
        var daemon = new FakeSupervisor
        {
            OnAddGroup = name =>
            {
                if (fault != Fault.None)
                {
                    throw Info.Fault(fault, name);
                }
            },
        };

        var run = Ctl.Run(daemon, "add", "g");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(exit);
    }

    [Theory]
    [InlineData(Fault.None, "g: removed process group\n", 0)]
    [InlineData(Fault.StillRunning, "ERROR: process/group still running: g\n", 1)]
    [InlineData(Fault.BadName, "ERROR: no such process/group: g\n", 1)]
    public void Remove_reports_each_group(Fault fault, string expected, int exit)
    {
        var daemon = new FakeSupervisor
        {
            OnRemoveGroup = name =>
            {
                if (fault != Fault.None)
                {
                    throw Info.Fault(fault, name);
                }
            },
        };

        var run = Ctl.Run(daemon, "remove", "g");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(exit);
    }
}
