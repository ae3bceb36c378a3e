using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Supervise.Faults;

/// <summary>
/// A short soak (SUPERVISE_SOAK_SECONDS, 60 by default): 50 programs, 10 crash-looping and 5 chatty, with the daemon's
/// RSS, fds and threads sampled after a warm-up and at the end, and ctl latency measured. The drift is reported (test
/// output and artifacts/faults/soak.txt); fds and threads must stay flat and no zombie may be left. The 30-minute
/// NativeAOT soak of the acceptance is the lead's.
/// </summary>
public sealed class SoakSpecs(ITestOutputHelper output)
{
    [FaultFact(full: true, tools: "/bin/sh")]
    public async Task A_soak_keeps_fds_threads_and_zombies_flat_and_reports_the_rss_drift()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SUPERVISE_SOAK_SECONDS"), out var s) ? s : 60;
        var body =
            string.Concat(
                Enumerable.Range(0, 35).Select(i => $"\n[program:sleeper{i}]\ncommand={{CHILD}} hang\nstartsecs=0\n")
            )
            + string.Concat(
                Enumerable
                    .Range(0, 10)
                    .Select(i =>
                        $"\n[program:crasher{i}]\ncommand={{CHILD}} sleep:300 exit:1\nstartsecs=0\nautorestart=true\n"
                    )
            )
            + string.Concat(
                Enumerable
                    .Range(0, 5)
                    .Select(i =>
                        $"\n[program:chatty{i}]\ncommand=/bin/sh -c 'while :; do echo chatty {i} line; sleep 0.01; done'\nstdout_logfile_maxbytes=1MB\nstdout_logfile_backups=2\n"
                    )
            );
        await using var daemon = await Daemon.WithConfig(body).StartAsync();
        await Eventually.UntilAsync(
            async () => (await daemon.CtlAsync("status")).Output.Split('\n').Count(l => l.Contains("RUNNING")) >= 40,
            "the programs are up",
            TimeSpan.FromSeconds(60)
        );

        var warmUp = Stopwatch.StartNew();
        await Eventually.UntilAsync(
            () => warmUp.Elapsed > TimeSpan.FromSeconds(Math.Min(15, seconds / 4)),
            "the warm-up has passed",
            TimeSpan.FromMinutes(2)
        );
        var first = ResourceUse.Of(daemon.Pid);
        var latencies = new List<double>();
        var soak = Stopwatch.StartNew();
        var peak = first.RssKilobytes;
        while (soak.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var call = Stopwatch.StartNew();
            (await daemon.CtlAsync("status", "sleeper0")).ExitCode.Should().Be(0);
            latencies.Add(call.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, ResourceUse.Of(daemon.Pid).RssKilobytes);
        }
        var last = ResourceUse.Of(daemon.Pid);
        var zombies = ResourceUse.Zombies(daemon.Pid);
        latencies.Sort();

        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"soak {seconds}s, 50 programs (10 crash-looping, 5 chatty): RSS {first.RssKilobytes} -> {last.RssKilobytes} KiB "
                + $"(drift {last.RssKilobytes - first.RssKilobytes} KiB, peak {peak}), fds {first.Fds} -> {last.Fds}, threads {first.Threads} -> {last.Threads}, "
                + $"zombies {zombies}, ctl status p50 {latencies[latencies.Count / 2]:F0} ms p99 {latencies[(int)(latencies.Count * 0.99)]:F0} ms ({latencies.Count} calls)"
        );
        output.WriteLine(report);
        var artifacts = Path.Combine(Binaries.RepositoryRoot, "artifacts", "faults");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "soak.txt"), report + "\n");

        (last.Fds - first.Fds).Should().BeLessThanOrEqualTo(2, report);
        (last.Threads - first.Threads).Should().BeLessThanOrEqualTo(4, report);
        zombies.Should().Be(0, report);
    }
}
