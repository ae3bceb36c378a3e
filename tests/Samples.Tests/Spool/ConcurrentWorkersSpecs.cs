using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Supervise.Samples.FeedCore.Jobs;
using Supervise.Samples.FeedCore.Spool;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Spool;

public sealed class ConcurrentWorkersSpecs : IDisposable
{
    private const int Jobs = 300;
    private const int CrashedClaims = 12;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Three_concurrent_workers_run_every_job_exactly_once_and_recover_crashed_claims()
    {
        // Each GetUtcNow moves the clock on, so retry backoffs pass while the workers race; the lease is long
        // enough that no live claim expires mid-test.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.Zero))
        {
            AutoAdvanceAmount = TimeSpan.FromMilliseconds(50),
        };
        var seed = new SpoolQueue(_temp["spool"], time, TimeSpan.FromDays(1));
        var all = Enumerable
            .Range(0, Jobs)
            .Select(i => seed.Enqueue(JobKinds.ReadData, $"/feeds/{i}.xml", "test").Id)
            .ToList();
        for (var i = 0; i < CrashedClaims; i++)
        {
            SpoolQueueSpecs.CrashWhileHolding(seed.TryClaim("crashed_worker")!);
        }

        var completions = new ConcurrentDictionary<string, int>();
        var workers = Enumerable
            .Range(0, 3)
            .Select(n => Task.Run(() => Work($"feed_worker_{n:D2}", time, completions)));
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(20));

        completions.Keys.Should().BeEquivalentTo(all, "no job is lost");
        completions.Values.Should().OnlyContain(count => count == 1, "no job is done twice");
        Directory.EnumerateFiles(seed.DoneDirectory).Should().HaveCount(Jobs);
        foreach (
            var directory in new[]
            {
                seed.NewDirectory,
                seed.ClaimedDirectory,
                seed.RetryDirectory,
                seed.FailedDirectory,
            }
        )
        {
            Directory.EnumerateFiles(directory).Should().BeEmpty();
        }
    }

    private void Work(string name, TimeProvider time, ConcurrentDictionary<string, int> completions)
    {
        // Each worker has its own SpoolQueue instance, as separate processes would.
        var queue = new SpoolQueue(_temp["spool"], time, TimeSpan.FromDays(1));
        while (completions.Count < Jobs)
        {
            queue.RecoverStale(name);
            queue.PromoteDueRetries();
            if (queue.TryClaim(name) is not { } claim)
            {
                continue;
            }

            completions.AddOrUpdate(claim.Job.Id, 1, (_, count) => count + 1);
            queue.Complete(claim).Should().BeTrue();
        }
    }
}
