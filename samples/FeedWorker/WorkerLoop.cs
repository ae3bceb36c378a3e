using Supervise.Samples.FeedCore;
using Supervise.Samples.FeedCore.Spool;

namespace Supervise.Samples.FeedWorker;

/// <summary>
/// Claims jobs one at a time and runs each to completion. The stop token is checked only between jobs: a job is
/// never cancelled halfway, which is what makes SIGTERM a clean, "expected" stop (exit 0) under Supervisor, as
/// long as stopwaitsecs exceeds the longest job (fetches time out after 20 s).
/// </summary>
public sealed class WorkerLoop(
    WorkerOptions options,
    SpoolQueue queue,
    JobRunner runner,
    LineLog log,
    TimeProvider time
)
{
    private static readonly TimeSpan KeepDone = TimeSpan.FromHours(1);

    public async Task<int> RunAsync(CancellationToken stopping)
    {
        log.Info($"started (pid {Environment.ProcessId}), waiting for jobs in {queue.NewDirectory}");
        using var watcher = new SpoolWatcher(queue.NewDirectory, time);
        var lastSweep = (long?)null;
        while (!stopping.IsCancellationRequested)
        {
            if (lastSweep is null || time.GetElapsedTime(lastSweep.Value) >= options.SweepInterval)
            {
                Sweep();
                lastSweep = time.GetTimestamp();
            }

            var claim = queue.TryClaim(options.Name);
            if (claim is null)
            {
                await watcher.WaitAsync(options.SweepInterval, stopping).ConfigureAwait(false);
                continue;
            }

            await RunOneAsync(claim).ConfigureAwait(false);
        }

        log.Info("stop requested: no job in progress, exiting");
        return 0;
    }

    private async Task RunOneAsync(SpoolClaim claim)
    {
        var job = claim.Job;
        var started = time.GetTimestamp();
        try
        {
            var summary = await runner.RunAsync(job, CancellationToken.None).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
            if (queue.Complete(claim))
            {
                log.Info($"{job.Kind} {job.Id} done in {elapsed:F0} ms: {summary}");
            }
            else
            {
                log.Warn($"{job.Kind} {job.Id} finished after its lease expired; another worker may repeat it");
            }
        }
        catch (Exception exception)
        {
            var outcome = queue.Fail(claim, exception.Message, exception is PermanentJobException);
            var what = outcome switch
            {
                FailOutcome.Retried => $"will retry after attempt {job.Attempts + 1} of {SpoolQueue.MaxAttempts}",
                FailOutcome.Failed => "moved to failed/",
                _ => "claim already recovered by another worker",
            };
            log.Error($"{job.Kind} {job.Id} failed, {what}: {exception.Message}");
        }
    }

    private void Sweep()
    {
        foreach (var jobId in queue.RecoverStale(options.Name))
        {
            log.Warn($"recovered job {jobId} from a dead or overdue worker");
        }

        queue.PromoteDueRetries();
        queue.PruneDone(KeepDone);
    }
}
