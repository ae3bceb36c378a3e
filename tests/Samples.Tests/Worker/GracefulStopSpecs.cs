using Supervise.Samples.FeedCore.Jobs;
using Supervise.Samples.FeedCore.Spool;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Worker;

public sealed class GracefulStopSpecs : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task On_SIGTERM_the_worker_finishes_the_job_in_hand_then_exits_0()
    {
        using var server = new HeldFeedServer(File.ReadAllText(Repo.Feed("dotnet-runtime.rss.xml")));
        var queue = new SpoolQueue(_temp["spool"], TimeProvider.System, TimeSpan.FromMinutes(5));
        var job = queue.Enqueue(JobKinds.ReadData, server.Url, "test");
        using var worker = SampleProcess.Start(
            "FeedWorker",
            "--spool",
            queue.Root,
            "--cache",
            _temp["cache"],
            "--digest",
            _temp["digest.md"],
            "--name",
            "feed_worker_00"
        );

        await server.RequestArrived.WaitAsync(Timeout);
        worker.Terminate();
        // The signal is in: the fetch is still held, so the job cannot have finished yet.
        File.Exists(Path.Combine(queue.DoneDirectory, $"{job.Id}.json")).Should().BeFalse();
        server.Release();

        (await worker.WaitForExitAsync(Timeout)).Should().Be(0, "a stop by SIGTERM is an expected exit");
        File.Exists(Path.Combine(queue.DoneDirectory, $"{job.Id}.json"))
            .Should()
            .BeTrue("the job in hand was completed");
        Directory.EnumerateFiles(queue.ClaimedDirectory).Should().BeEmpty();
        worker
            .Stdout.Should()
            .Contain($"read_data {job.Id} done")
            .And.Contain("\"Runtime Notes\", 4 items")
            .And.Contain("stop requested: no job in progress, exiting");
    }

    [Fact]
    public async Task On_SIGTERM_an_idle_worker_exits_0_at_once()
    {
        using var worker = SampleProcess.Start(
            "FeedWorker",
            "--spool",
            _temp["spool"],
            "--cache",
            _temp["cache"],
            "--digest",
            _temp["digest.md"]
        );
        await Eventually.UntilAsync(() => worker.Stdout.Contains("waiting for jobs"), "the worker to start", Timeout);

        worker.Terminate();

        (await worker.WaitForExitAsync(Timeout)).Should().Be(0);
    }
}
