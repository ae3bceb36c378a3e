using System.Diagnostics;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

public sealed class RobustnessSpecs
{
    [Fact]
    public async Task A_daemon_killed_with_sigkill_and_started_again_never_leaves_two_copies_running()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig("""
            [program:solo]
            command=/bin/bash -c 'exec -a {W}/solo sleep 600'
            startsecs=0
            """);
        await daemon.StartAsync();
        await Wait.UntilAsync(() => Native.Matching(daemon.Directory + "/solo").Count == 1, TimeSpan.FromSeconds(10), "the program runs");
        var first = Native.Matching(daemon.Directory + "/solo").Single();

        daemon.Signal(9);
        await daemon.WaitForExitAsync();
        Native.IsAlive(first).Should().BeTrue("Supervisor's children outlive a SIGKILLed daemon too");
        await daemon.StartAsync();
        await daemon.WaitForStateAsync("solo", "RUNNING");

        var running = Native.Matching(daemon.Directory + "/solo");
        running.Should().ContainSingle().Which.Should().NotBe(first);
        MainLog.Read(daemon).Should().Contain(l => l.Message.StartsWith($"found solo (pid {first}) still running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task As_pid_1_the_daemon_reaps_orphans_and_leaves_no_zombies()
    {
        if (!File.Exists("/usr/bin/unshare") || Environment.UserName != "root")
        {
            return; // needs root and util-linux; CI runs as root with both
        }
        await using var daemon = Infrastructure.Daemon.WithConfig("""
            [program:spawner]
            command=/bin/bash -c 'for i in 1 2 3 4 5; do (sleep 0.1 &) ; done; exec sleep 600'
            startsecs=0
            """);
        var info = new ProcessStartInfo("/usr/bin/unshare", ["--pid", "--fork", "--mount-proc", Binaries.Supervisord, "-n", "-c", daemon.ConfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var unshare = Process.Start(info)!;
        try
        {
            await Wait.UntilAsync(() => MainLog.Read(daemon).Count(l => l.Message.StartsWith("reaped unknown pid", StringComparison.Ordinal)) >= 5,
                TimeSpan.FromSeconds(20), "the orphaned sleeps are reaped");
            (await daemon.CtlAsync("status", "spawner")).Output.Should().Contain("RUNNING");
        }
        finally
        {
            Native.Kill(unshare.Id, 15);
            await unshare.WaitForExitAsync(new CancellationTokenSource(20_000).Token);
        }
    }
}
