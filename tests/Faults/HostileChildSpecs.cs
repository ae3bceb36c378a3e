namespace Supervise.Faults;

/// <summary>Children that misbehave cost the daemon nothing lasting: no stray process, no stuck stop, no blocked pipe.</summary>
public sealed class HostileChildSpecs
{
    [FaultFact(tools: "/bin/sh")]
    public async Task A_child_that_ignores_term_with_grandchildren_that_do_too_is_killed_as_a_group_after_stopwaitsecs()
    {
        await using var daemon = await Daemon
            .WithConfig(
                """
                [program:stubborn]
                command=/bin/sh -c 'trap "" TERM; sleep 987601 & sleep 987601 & exec {CHILD} ignore-term hang'
                stopasgroup=true
                killasgroup=true
                stopwaitsecs=1
                startsecs=0
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("stubborn", "RUNNING");
        await Eventually.UntilAsync(() => Native.Matching("987601").Count == 2);

        var stop = await daemon.CtlAsync("stop", "stubborn");

        stop.Output.Should().Contain("stubborn: stopped");
        await Eventually.UntilAsync(() => Native.Matching("987601").Count == 0, "SIGKILL reached the whole group");
    }

    [FaultFact(tools: "/bin/sh")]
    public async Task Five_hundred_grandchildren_are_all_gone_after_a_stop_as_group()
    {
        await using var daemon = await Daemon
            .WithConfig(
                """
                [program:forker]
                command=/bin/sh -c 'i=0; while [ $i -lt 500 ]; do sleep $((987000+602)) & i=$((i+1)); done; wait'
                stopasgroup=true
                startsecs=0
                """
            )
            .StartAsync();
        await Eventually.UntilAsync(
            () => Native.Matching("987602").Count == 500,
            "the shell forked 500 grandchildren",
            TimeSpan.FromSeconds(60)
        );

        (await daemon.CtlAsync("stop", "forker")).Output.Should().Contain("forker: stopped");

        await Eventually.UntilAsync(
            () => Native.Matching("987602").Count == 0,
            "no grandchild survives",
            TimeSpan.FromSeconds(30)
        );
        (await daemon.CtlAsync("pid")).ExitCode.Should().Be(0);
    }

    [FaultFact]
    public async Task A_hundred_megabytes_without_a_newline_arrive_whole_while_the_ctl_keeps_answering()
    {
        await using var daemon = await Daemon
            .WithConfig(
                """
                [program:noline]
                command={CHILD} noline:100000000 touch:{W}/written hang
                stdout_logfile={W}/childlogs/noline.log
                stdout_logfile_maxbytes=0
                startsecs=0
                """
            )
            .StartAsync();
        var log = Path.Combine(daemon.Directory, "childlogs", "noline.log");

        await Eventually.UntilAsync(
            () => File.Exists(log) && new FileInfo(log).Length == 100_000_000,
            "every byte reached the log",
            TimeSpan.FromSeconds(60)
        );

        File.Exists(Path.Combine(daemon.Directory, "written"))
            .Should()
            .BeTrue("the child was never blocked on its pipe");
        (await daemon.CtlAsync("status", "noline")).Output.Should().Contain("RUNNING");
        var rss = ResourceUse.Of(daemon.Pid).RssKilobytes;
        rss.Should().BeLessThan(300_000, "the daemon streams the output, it does not buffer a line without end");
    }

    [FaultFact]
    public async Task A_child_that_closes_its_stdout_keeps_running_and_stops_normally()
    {
        await using var daemon = await Daemon
            .WithConfig(
                """
                [program:mute]
                command={CHILD} print:before close-stdout touch:{W}/closed hang
                stdout_logfile={W}/childlogs/mute.log
                startsecs=0
                """
            )
            .StartAsync();
        await Eventually.UntilAsync(() => File.Exists(Path.Combine(daemon.Directory, "closed")));

        await daemon.WaitForStateAsync("mute", "RUNNING");
        (await daemon.CtlAsync("tail", "mute")).Output.Should().Contain("before");
        (await daemon.CtlAsync("stop", "mute")).Output.Should().Contain("mute: stopped");
    }
}
