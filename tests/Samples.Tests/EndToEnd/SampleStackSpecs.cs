using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.EndToEnd;

public sealed class SampleStackSpecs : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Beat_and_two_workers_turn_the_shipped_feeds_into_a_digest()
    {
        var reads = Repo.ShippedFeeds.Select(f => $"{{ kind = \"read_data\", feed = \"{Repo.Feed(f)}\" }}");
        File.WriteAllText(
            _temp["schedule.toml"],
            $$"""
            [schedule.read_feeds]
            every = "300ms"
            jobs = [{{string.Join(", ", reads)}}]

            [schedule.publish]
            cron = "* * * * * *"
            jobs = [{ kind = "publish_data" }]
            """
        );
        string[] worker = ["--spool", _temp["spool"], "--cache", _temp["cache"], "--digest", _temp["digest.md"]];
        using var beat = SampleProcess.Start(
            "FeedBeat",
            "--schedule",
            _temp["schedule.toml"],
            "--spool",
            _temp["spool"]
        );
        using var worker0 = SampleProcess.Start("FeedWorker", [.. worker, "--name", "feed_worker_00"]);
        using var worker1 = SampleProcess.Start("FeedWorker", [.. worker, "--name", "feed_worker_01"]);

        // Each publish writes only the items that are new since the previous one, so the first digest may hold
        // only the feeds read by then: collect every version until one item of each feed has been seen.
        var expected = new[]
        {
            "PosixSignalRegistration in practice",
            "Issue 212: stopwaitsecs is a promise",
            "0.3.0: TOML drop-ins",
        };
        var seen = new HashSet<string>();
        await Eventually.UntilAsync(
            () =>
            {
                var digest = File.Exists(_temp["digest.md"]) ? File.ReadAllText(_temp["digest.md"]) : "";
                seen.UnionWith(expected.Where(digest.Contains));
                return seen.Count == expected.Length;
            },
            "a digest with items from all three shipped feeds",
            Timeout
        );

        foreach (var process in new[] { beat, worker0, worker1 })
        {
            process.Terminate();
        }

        foreach (var process in new[] { beat, worker0, worker1 })
        {
            (await process.WaitForExitAsync(Timeout)).Should().Be(0);
        }

        beat.Stdout.Should().Contain("read_feeds (every 300ms) fired");
        (worker0.Stdout + worker1.Stdout).Should().Contain("publish_data").And.Contain("new items from");
        (worker0.Stderr + worker1.Stderr + beat.Stderr).Should().BeEmpty();
    }
}
