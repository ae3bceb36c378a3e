using System.Diagnostics;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

public sealed class RobustnessSpecs
{
    [Fact]
    public async Task A_daemon_killed_with_sigkill_and_started_again_never_leaves_two_copies_running()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig(
            """
            [program:solo]
            command=/bin/bash -c 'exec -a {W}/solo sleep 600'
            startsecs=0
            """,
            supervisordExtra: "watchdog=false"
        );
        await daemon.StartAsync();
        await Eventually.UntilAsync(() => Native.Matching(daemon.Directory + "/solo").Count == 1, "the program runs");
        var first = Native.Matching(daemon.Directory + "/solo").Single();

        daemon.Signal(9);
        await daemon.WaitForExitAsync();
        // Without the crash watchdog (on by default, issue 14), children outlive a SIGKILLed daemon as under Supervisor:
        // the survivor record is then what stops them at the next start.
        Native.IsAlive(first).Should().BeTrue("watchdog=false leaves the children running, as Supervisor does");
        await daemon.StartAsync();
        await daemon.WaitForStateAsync("solo", "RUNNING");

        var running = Native.Matching(daemon.Directory + "/solo");
        running.Should().ContainSingle().Which.Should().NotBe(first);
        MainLog
            .Read(daemon)
            .Should()
            .Contain(l => l.Message.StartsWith($"found solo (pid {first}) still running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_nodaemon_the_daemon_detaches_into_its_own_session_and_the_command_exits_0()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig("[program:p]\ncommand={CHILD} hang\nstartsecs=0\n");

        var launch = await CliWrap
            .Cli.Wrap(Binaries.Supervisord)
            .WithArguments(["-c", daemon.ConfigPath])
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteAsync(new CancellationTokenSource(30_000).Token);
        launch.ExitCode.Should().Be(0);
        var pidfile = Path.Combine(daemon.Directory, "supervisord.pid");
        try
        {
            await Eventually.UntilAsync(
                async () =>
                    File.Exists(pidfile)
                    && (await daemon.CtlAsync("status", "p")).Output.Contains("RUNNING", StringComparison.Ordinal),
                "the detached daemon runs the program",
                TimeSpan.FromSeconds(20)
            );
            var pid = int.Parse(File.ReadAllText(pidfile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var session = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3];
            session
                .Should()
                .Be(
                    pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "the daemon leads its own session"
                );
        }
        finally
        {
            await daemon.CtlAsync("shutdown");
        }
    }

    [RootTheory("/usr/bin/unshare")]
    [InlineData(true)]
    [InlineData(false)]
    public async Task As_pid_1_orphans_are_reaped_exit_statuses_stay_exact_and_shutdown_is_prompt(bool throttle)
    {
        // With restart_throttle=false the five crash-loopers restart every ~50 ms: the busiest reaping there is.
        await using var daemon = Infrastructure.Daemon.WithConfig(
            $$"""
            [program:orphans]
            command=/bin/bash -c 'while true;do (sleep 0.05 &);sleep 0.05;done'

            [program:three]
            command=/bin/sh -c 'sleep 0.05;exit 3'
            startsecs=0
            numprocs=5
            process_name=%(program_name)s_%(process_num)d
            restart_throttle={{(throttle ? "true" : "false")}}
            """
        );
        var info = new ProcessStartInfo(
            "/usr/bin/unshare",
            ["--pid", "--fork", "--mount-proc", Binaries.Supervisord, "-n", "-c", daemon.ConfigPath]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var unshare = Process.Start(info)!;
        // With -n the daemon logs to stdout too (as Supervisor does), ~12 KB/s here without the throttle: an unread pipe
        // fills in seconds and then blocks the daemon's log writes, and with them its shutdown (Supervisor's as well).
        unshare.BeginOutputReadLine();
        unshare.BeginErrorReadLine();
        try
        {
            await Eventually.UntilAsync(
                () =>
                    MainLog
                        .Read(daemon)
                        .Count(l => l.Message.Contains("(exit status 3; not expected)", StringComparison.Ordinal))
                    >= 50,
                "the programs crashed and restarted many times",
                TimeSpan.FromSeconds(30)
            );

            MainLog
                .Read(daemon)
                .Should()
                .NotContain(
                    l =>
                        l.Message.StartsWith("exited: three", StringComparison.Ordinal)
                        && l.Message.Contains("exit status 0", StringComparison.Ordinal),
                    "no exit status may be stolen by a reap of any child"
                );
            // Orphans and crash-loopers die every 50 ms, so a snapshot may catch one between its exit and its reap; a
            // zombie left unreaped is in every snapshot from then on, and two consecutive ones would never be disjoint.
            // The orphaned sleeps are the daemon's (it is child subreaper), and its sweeps come at most every 10 s
            // (OrphanSweeper): until the next one they linger by design, so the wait spans two sweep intervals.
            IReadOnlyList<int> previous = ZombiesUnder(unshare.Id);
            await Eventually.UntilAsync(
                () =>
                {
                    var now = ZombiesUnder(unshare.Id);
                    var lingering = now.Intersect(previous).Any();
                    previous = now;
                    return !lingering;
                },
                "no zombie lingers in the namespace",
                TimeSpan.FromSeconds(25)
            );
        }
        finally
        {
            // unshare does not forward signals into the namespace: ask the daemon itself to shut down.
            await daemon.CtlAsync("shutdown");
            await unshare.WaitForExitAsync(new CancellationTokenSource(20_000).Token);
        }
        unshare.ExitCode.Should().Be(0);
    }

    /// <summary>Zombie processes among the descendants of <paramref name="root"/>.</summary>
    private static IReadOnlyList<int> ZombiesUnder(int root)
    {
        var parents = new Dictionary<int, (int Parent, char State)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat)
            {
                parents[pid] = stat;
            }
        }
        bool Under(int pid)
        {
            for (var i = 0; i < 64 && parents.TryGetValue(pid, out var entry); i++)
            {
                if (entry.Parent == root)
                {
                    return true;
                }
                pid = entry.Parent;
            }
            return false;
        }
        return parents.Where(p => p.Value.State == 'Z' && Under(p.Key)).Select(p => p.Key).ToList();
    }

    private static (int Parent, char State)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 3);
            return (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields[0][0]);
        }
        catch (Exception exception) when (exception is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
