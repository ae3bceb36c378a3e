using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Lifecycle;

/// <summary>Retries that never give up, within their bounds; and the restart throttle for a program that exits at once.</summary>
public sealed class BackoffSpecs
{
    [Fact]
    public async Task A_crash_looping_program_with_exponential_backoff_and_jitter_keeps_retrying_within_its_bounds()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:crasher]
                command=/bin/sh -c 'exit 3'
                startsecs=1
                startretries=forever
                backoff=exponential
                backoff_max=1.5
                backoff_jitter=0.5
                """
            )
            .StartAsync();

        // Supervisor's default (startretries=3) would be FATAL after the 4th spawn.
        await Eventually.UntilAsync(
            () => MainLog.TimesOf(daemon, "spawned: 'crasher'").Count >= 7,
            "seven tries",
            TimeSpan.FromSeconds(30)
        );

        (await daemon.StateOfAsync("crasher")).Should().BeOneOf("BACKOFF", "STARTING");
        var spawns = MainLog.TimesOf(daemon, "spawned: 'crasher'");
        var exits = MainLog.TimesOf(daemon, "exited: crasher");
        var gaps = spawns.Skip(1).Zip(exits, (spawn, exit) => (spawn - exit).TotalSeconds).ToList();
        // Retry n waits 2^(n-1) s spread by +-50%, capped at 1.5 s: 0.5-1.5 s for the first, then 1-1.5 s.
        // The upper bound allows for a loaded machine; uncapped, the sixth wait alone would be 32 s.
        gaps.Should().OnlyContain(g => g >= 0.45 && g <= 1.5 + 1.0);
        gaps.Skip(1).Should().OnlyContain(g => g >= 0.95);
        MainLog
            .Read(daemon)
            .Should()
            .NotContain(l => l.Message.StartsWith("gave up: crasher", StringComparison.Ordinal));
        // Our own JSON shows the options as the config spelled them.
        (await daemon.CtlAsync("status", "--json", "crasher"))
            .Output.Should()
            .Contain("\"startretries\": \"forever\",")
            .And.Contain("\"backoff\": \"exponential\",")
            .And.Contain("\"backoff_max\": 1.5,")
            .And.Contain("\"backoff_jitter\": 0.5,");
    }

    [Fact]
    public async Task A_program_that_exits_at_once_is_throttled_and_says_so_in_its_description()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:tight]
                command=/bin/true
                startsecs=0
                autorestart=true
                """
            )
            .StartAsync();

        // 0, 10, 20, ... 640 ms, then 1 s: the ninth start comes about 1.3 s after the first, the twelfth after 4 s.
        await Eventually.UntilAsync(
            () => MainLog.TimesOf(daemon, "spawned: 'tight'").Count >= 11,
            "eleven starts",
            TimeSpan.FromSeconds(20)
        );
        var spawns = MainLog.TimesOf(daemon, "spawned: 'tight'");
        (spawns[10] - spawns[0])
            .TotalSeconds.Should()
            .BeGreaterThan(2.5, "unthrottled it would restart hundreds of times a second");
        (spawns[1] - spawns[0])
            .TotalMilliseconds.Should()
            .BeLessThan(200, "the first restart after a crash stays immediate");

        await Eventually.UntilAsync(
            async () =>
                (await daemon.CtlAsync("status", "tight")).Output.Contains(
                    "restart throttled",
                    StringComparison.Ordinal
                ),
            "status shows the throttle"
        );
        (await daemon.CtlAsync("stop", "tight"))
            .Output.Trim()
            .Should()
            .BeOneOf("tight: stopped", "tight: ERROR (not running)");
        await daemon.WaitForStateAsync("tight", "STOPPED");
    }
}
