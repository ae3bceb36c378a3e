using Supervise.Samples.FeedCore;
using Supervise.Samples.FeedCore.Jobs;
using Supervise.Samples.FeedCore.Spool;
using Supervise.Samples.FeedWorker;
using Supervise.Samples.FeedWorker.Digest;
using Supervise.Samples.FeedWorker.Feeds;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Worker;

public sealed class WorkerLoopSpecs : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_malformed_feed_is_logged_as_an_error_and_the_worker_keeps_going()
    {
        File.WriteAllText(_temp["broken.xml"], "<rss version=\"2.0\"><channel><title>cut off");
        var queue = new SpoolQueue(_temp["spool"], TimeProvider.System, TimeSpan.FromMinutes(5));
        var broken = queue.Enqueue(JobKinds.ReadData, _temp["broken.xml"], "test");
        var good = queue.Enqueue(JobKinds.ReadData, Repo.Feed("ops-weekly.rss.xml"), "test");
        using var stop = new CancellationTokenSource();

        var run = NewLoop(queue).RunAsync(stop.Token);
        await Eventually.UntilAsync(
            () => File.Exists(Path.Combine(queue.DoneDirectory, $"{good.Id}.json")),
            "the good feed's job to be done",
            Timeout
        );
        await stop.CancelAsync();

        (await run.WaitAsync(Timeout)).Should().Be(0);
        Log(_err)
            .Should()
            .Contain(
                $"ERROR worker: read_data {broken.Id} failed, moved to failed/: {_temp["broken.xml"]}: not a valid RSS 2.0 or Atom 1.0 feed"
            );
        Log(_out).Should().Contain($"read_data {good.Id} done").And.Contain("\"Ops Weekly\", 3 items (3 new)");
        File.Exists(Path.Combine(queue.FailedDirectory, $"{broken.Id}.json")).Should().BeTrue();
    }

    [Fact]
    public async Task A_job_enqueued_while_the_worker_waits_is_picked_up_without_waiting_for_the_fallback_sweep()
    {
        var queue = new SpoolQueue(_temp["spool"], TimeProvider.System, TimeSpan.FromMinutes(5));
        using var stop = new CancellationTokenSource();
        var run = NewLoop(queue, sweep: TimeSpan.FromMinutes(10)).RunAsync(stop.Token);
        await Eventually.UntilAsync(() => Log(_out).Contains("waiting for jobs"), "the worker to start", Timeout);

        var job = queue.Enqueue(JobKinds.PublishData, null, "test");

        await Eventually.UntilAsync(
            () => File.Exists(Path.Combine(queue.DoneDirectory, $"{job.Id}.json")),
            "the watcher to wake the worker",
            Timeout
        );
        await stop.CancelAsync();
        (await run.WaitAsync(Timeout)).Should().Be(0);
    }

    private WorkerLoop NewLoop(SpoolQueue queue, TimeSpan? sweep = null)
    {
        var options = new WorkerOptions(
            queue.Root,
            _temp["cache"],
            _temp["digest.md"],
            "worker",
            TimeSpan.FromMinutes(5),
            sweep ?? TimeSpan.FromSeconds(5)
        );
        var cache = new FeedCache(options.Cache);
        var runner = new JobRunner(
            new FeedFetcher(new HttpClient(), TimeProvider.System),
            cache,
            new DigestPublisher(cache, options.Digest, TimeProvider.System)
        );
        return new WorkerLoop(
            options,
            queue,
            runner,
            new LineLog(_out, _err, TimeProvider.System, "worker"),
            TimeProvider.System
        );
    }

    private static string Log(StringWriter writer)
    {
        lock (writer)
        {
            return writer.ToString();
        }
    }
}
