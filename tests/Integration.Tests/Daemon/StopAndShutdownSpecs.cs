using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

public sealed class StopAndShutdownSpecs
{
    [Fact]
    public async Task Stopasgroup_leaves_no_grandchild_behind()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:parent]
                command=/bin/bash -c '(exec -a {W}/grandchild sleep 600) & wait'
                stopasgroup=true
                startsecs=0
                """
            )
            .StartAsync();
        await Eventually.UntilAsync(
            () => Native.Matching(daemon.Directory + "/grandchild").Count == 2,
            "the grandchild runs"
        );

        (await daemon.CtlAsync("stop", "parent")).Output.Trim().Should().Be("parent: stopped");

        await Eventually.UntilAsync(
            () => Native.Matching(daemon.Directory + "/grandchild").Count == 0,
            "the grandchild is gone",
            TimeSpan.FromSeconds(5)
        );
    }

    [Fact]
    public async Task Without_stopasgroup_the_grandchild_survives_as_under_supervisor()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:parent]
                command=/bin/bash -c '(exec -a {W}/orphan sleep 600) & wait'
                startsecs=0
                """
            )
            .StartAsync();
        await Eventually.UntilAsync(
            () => Native.Matching(daemon.Directory + "/orphan").Count == 2,
            "the grandchild runs"
        );

        (await daemon.CtlAsync("stop", "parent")).Output.Trim().Should().Be("parent: stopped");

        Native.Matching(daemon.Directory + "/orphan").Should().HaveCount(1, "only the bash parent was signalled");
    }

    [Fact]
    public async Task Shutdown_stops_groups_one_at_a_time_highest_priority_first()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:first]
                command={CHILD} hang
                priority=1
                startsecs=0

                [program:middle]
                command={CHILD} hang
                priority=50
                startsecs=0

                [program:last]
                command={CHILD} hang
                priority=900
                startsecs=0
                """
            )
            .StartAsync();
        foreach (var name in new[] { "first", "middle", "last" })
        {
            await daemon.WaitForStateAsync(name, "RUNNING");
        }

        daemon.Signal(15);
        (await daemon.WaitForExitAsync()).Should().Be(0);

        var stops = MainLog
            .Read(daemon)
            .Where(l => l.Message.StartsWith("stopped: ", StringComparison.Ordinal))
            .Select(l => l.Message.Split(' ')[1])
            .ToList();
        stops.Should().Equal("last", "middle", "first");
        MainLog.Read(daemon).Should().Contain(l => l.Message == "received SIGTERM indicating exit request");
        File.Exists(Path.Combine(daemon.Directory, "supervisord.pid")).Should().BeFalse();
    }

    [Fact]
    public async Task Sighup_with_a_broken_config_keeps_everything_running()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:steady]
                command={CHILD} hang
                startsecs=0
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("steady", "RUNNING");
        var before = (await daemon.CtlAsync("pid", "steady")).Output.Trim();
        File.AppendAllText(daemon.ConfigPath, "\n[program:broken]\ncommand=x\nautostart=maybe\n");

        daemon.Signal(1);
        await Eventually.UntilAsync(
            () => MainLog.Read(daemon).Any(l => l.Message.Contains("reload refused", StringComparison.Ordinal)),
            "the reload is refused"
        );

        (await daemon.CtlAsync("pid", "steady")).Output.Trim().Should().Be(before);
    }
}
