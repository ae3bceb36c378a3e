using Microsoft.Extensions.Time.Testing;
using Supervise.Samples.FeedCore.Jobs;
using Supervise.Samples.FeedCore.Spool;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Spool;

public sealed class SpoolQueueSpecs : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Jobs_are_claimed_in_the_order_they_were_enqueued()
    {
        var queue = NewQueue();
        var first = queue.Enqueue(JobKinds.ReadData, "/feeds/a.xml", "test");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var second = queue.Enqueue(JobKinds.PublishData, null, "test");

        queue.TryClaim("w")!.Job.Should().Be(first);
        queue.TryClaim("w")!.Job.Should().Be(second);
        queue.TryClaim("w").Should().BeNull();
    }

    [Fact]
    public void A_completed_job_moves_to_done_and_leaves_no_claim()
    {
        var queue = NewQueue();
        var job = queue.Enqueue(JobKinds.PublishData, null, "test");

        queue.Complete(queue.TryClaim("w")!).Should().BeTrue();

        File.Exists(Path.Combine(queue.DoneDirectory, $"{job.Id}.json")).Should().BeTrue();
        Directory.EnumerateFiles(queue.ClaimedDirectory).Should().BeEmpty();
    }

    [Fact]
    public void A_claim_whose_owner_died_is_returned_to_the_queue_after_a_backoff()
    {
        var queue = NewQueue();
        var job = queue.Enqueue(JobKinds.ReadData, "/feeds/a.xml", "test");
        CrashWhileHolding(queue.TryClaim("feed_worker_01")!);

        queue.RecoverStale("feed_worker_02").Should().Equal(job.Id);
        queue.TryClaim("feed_worker_02").Should().BeNull("the retry waits out its backoff");

        _time.Advance(SpoolQueue.RetryBackoff);
        queue.PromoteDueRetries().Should().Be(1);
        var retried = queue.TryClaim("feed_worker_02")!.Job;

        retried.Id.Should().Be(job.Id);
        retried.Attempts.Should().Be(1);
        retried.LastError.Should().Contain("feed_worker_01");
    }

    [Fact]
    public void A_live_claim_within_its_lease_is_left_alone()
    {
        var queue = NewQueue();
        queue.Enqueue(JobKinds.PublishData, null, "test");
        queue.TryClaim("feed_worker_00");

        _time.Advance(Lease - TimeSpan.FromSeconds(1));

        queue.RecoverStale("feed_worker_01").Should().BeEmpty();
    }

    [Fact]
    public void A_claim_older_than_the_lease_is_recovered_even_though_its_owner_lives()
    {
        var queue = NewQueue();
        var job = queue.Enqueue(JobKinds.PublishData, null, "test");
        var claim = queue.TryClaim("feed_worker_00")!;

        _time.Advance(Lease + TimeSpan.FromSeconds(1));

        queue.RecoverStale("feed_worker_01").Should().Equal(job.Id);
        queue.Complete(claim).Should().BeFalse("the overdue owner lost its claim");
    }

    [Fact]
    public void A_job_that_keeps_failing_ends_in_failed_after_the_last_attempt()
    {
        var queue = NewQueue();
        var job = queue.Enqueue(JobKinds.ReadData, "https://example.invalid/feed", "test");
        var outcomes = new List<FailOutcome>();
        for (var attempt = 0; attempt < SpoolQueue.MaxAttempts; attempt++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            queue.PromoteDueRetries();
            outcomes.Add(queue.Fail(queue.TryClaim("w")!, "connection refused", permanent: false));
        }

        outcomes.Should().Equal(FailOutcome.Retried, FailOutcome.Retried, FailOutcome.Failed);
        File.ReadAllText(Path.Combine(queue.FailedDirectory, $"{job.Id}.json")).Should().Contain("connection refused");
    }

    [Fact]
    public void A_permanent_failure_goes_straight_to_failed()
    {
        var queue = NewQueue();
        var job = queue.Enqueue(JobKinds.ReadData, "/feeds/broken.xml", "test");

        queue.Fail(queue.TryClaim("w")!, "not a feed", permanent: true).Should().Be(FailOutcome.Failed);

        File.Exists(Path.Combine(queue.FailedDirectory, $"{job.Id}.json")).Should().BeTrue();
        Directory.EnumerateFiles(queue.RetryDirectory).Should().BeEmpty();
    }

    private SpoolQueue NewQueue() => new(_temp["spool"], _time, Lease);

    /// <summary>Makes a claim look as if its owner was SIGKILLed: same file, owner pid replaced by a dead one.</summary>
    internal static void CrashWhileHolding(SpoolClaim claim)
    {
        var dead = claim.Name with { Pid = DeadPid.Get() };
        File.Move(claim.Path, Path.Combine(Path.GetDirectoryName(claim.Path)!, dead.FileName));
    }
}
