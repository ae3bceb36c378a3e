using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Lifecycle;

/// <summary>No descendant outlives a stop with stopasgroup, and no child outlives the daemon.</summary>
public sealed class NoStrayProcessSpecs
{
    [Fact]
    public async Task A_double_forking_setsid_grandchild_is_gone_after_stop()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:forker]
                command=/bin/bash -c '( setsid bash -c "(exec -a {W}/stray sleep 600) &" & ); exec sleep 600'
                stopasgroup=true
                startsecs=0
                """
            )
            .StartAsync();
        await Eventually.UntilAsync(
            () => Native.Matching(daemon.Directory + "/stray 600").Count == 1,
            "the grandchild runs in its own session"
        );
        var stray = Native.Matching(daemon.Directory + "/stray 600")[0];
        SessionOf(stray).Should().NotBe(SessionOf(daemon.Pid), "it left the program's session and group");

        (await daemon.CtlAsync("stop", "forker")).Output.Trim().Should().Be("forker: stopped");

        await Eventually.UntilAsync(
            () => !Native.IsAlive(stray),
            "the setsid'd grandchild is gone",
            TimeSpan.FromSeconds(5)
        );
        // Reaped too: as child subreaper the daemon adopted it, so no zombie is left behind.
        await Eventually.UntilAsync(() => !Directory.Exists($"/proc/{stray}"), "and reaped", TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("watchdog=false\npdeathsig=KILL")]
    public async Task Kill_9_of_the_daemon_leaves_no_child_alive_within_one_second(string settings)
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:worker]
                command=/bin/bash -c 'exec -a {W}/worker-%(process_num)d sleep 600'
                process_name=%(program_name)s_%(process_num)d
                numprocs=3
                startsecs=0
                user=nobody
                """.Replace("user=nobody", CurrentProcessIsRoot ? "user=nobody" : "", StringComparison.Ordinal),
                supervisordExtra: settings
            )
            .StartAsync();
        await Eventually.UntilAsync(
            () => Native.Matching(daemon.Directory + "/worker-").Count == 3,
            "three workers run"
        );

        daemon.Signal(9);

        await Eventually.UntilAsync(
            () => Native.Matching(daemon.Directory + "/worker-").Count == 0,
            "every worker died with the daemon",
            TimeSpan.FromSeconds(1)
        );
    }

    [Fact]
    public async Task Without_watchdog_or_pdeathsig_children_outlive_the_daemon_as_under_supervisor()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:worker]
                command=/bin/bash -c 'exec -a {W}/survivor sleep 600'
                startsecs=0
                """,
                supervisordExtra: "watchdog=false"
            )
            .StartAsync();
        await Eventually.UntilAsync(
            () => Native.Matching(daemon.Directory + "/survivor 600").Count == 1,
            "the worker runs"
        );

        daemon.Signal(9);
        await daemon.WaitForExitAsync();

        Native.Matching(daemon.Directory + "/survivor 600").Should().HaveCount(1);
    }

    // As root the workers run as nobody, through the exec helper: the parent-death signal must survive its setuid.
    private static bool CurrentProcessIsRoot => Environment.UserName == "root";

    /// <summary>The session field of /proc/PID/stat.</summary>
    private static int SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(
            stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3],
            System.Globalization.CultureInfo.InvariantCulture
        );
    }
}
