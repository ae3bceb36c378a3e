using System.Text.Json;
using Supervise.Samples.FeedCore.Jobs;

namespace Supervise.Samples.FeedCore.Spool;

/// <summary>
/// A job queue in a directory, shared by any number of worker processes without a broker or a lock file:
/// <code>
/// tmp/      files being written (then renamed, so no reader sees half a job)
/// new/      {id}.json waiting jobs
/// claimed/  {id}~{worker}~{pid}~{ms}.json, taken by one rename(2) from new/: of N racing workers exactly one
///           rename succeeds, the others get ENOENT and try the next file
/// retry/    {notBeforeMs}~{id}.json failed jobs waiting out their backoff; moved back to new/ when due
/// done/     {id}.json finished jobs (pruned after a while)
/// failed/   {id}.json jobs that failed permanently or too often
/// </code>
/// Every state change is a rename inside one filesystem, hence atomic. A claim whose owner died, or which is older
/// than the lease, is returned to new/ by <see cref="RecoverStale"/> (see SpoolQueue.Recovery.cs).
/// </summary>
public sealed partial class SpoolQueue
{
    public const int MaxAttempts = 3;

    /// <summary>Backoff before attempt n+1 is n times this: a failing feed is not hammered in a tight loop.</summary>
    public static readonly TimeSpan RetryBackoff = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;

    public SpoolQueue(string root, TimeProvider time, TimeSpan lease)
    {
        Root = Path.GetFullPath(root);
        _time = time;
        Lease = lease;
        foreach (
            var directory in new[]
            {
                TmpDirectory,
                NewDirectory,
                ClaimedDirectory,
                RetryDirectory,
                DoneDirectory,
                FailedDirectory,
            }
        )
        {
            Directory.CreateDirectory(directory);
        }
    }

    public string Root { get; }

    public TimeSpan Lease { get; }

    public string NewDirectory => Path.Combine(Root, "new");

    public string ClaimedDirectory => Path.Combine(Root, "claimed");

    public string RetryDirectory => Path.Combine(Root, "retry");

    public string DoneDirectory => Path.Combine(Root, "done");

    public string FailedDirectory => Path.Combine(Root, "failed");

    private string TmpDirectory => Path.Combine(Root, "tmp");

    public Job Enqueue(string kind, string? feed, string? origin)
    {
        var now = _time.GetUtcNow();
        var job = new Job(JobIds.New(now), kind, feed, now, origin);
        Publish(job, Path.Combine(NewDirectory, $"{job.Id}.json"));
        return job;
    }

    /// <summary>Takes the oldest waiting job, or returns null when new/ is empty.</summary>
    public SpoolClaim? TryClaim(string worker)
    {
        foreach (var file in Directory.EnumerateFiles(NewDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var jobId = Path.GetFileNameWithoutExtension(file);
            var name = new ClaimName(jobId, ClaimName.SafeWorkerName(worker), Environment.ProcessId, NowMs());
            var path = Path.Combine(ClaimedDirectory, name.FileName);
            if (!TryRename(file, path))
            {
                continue; // another worker won this one
            }

            return new SpoolClaim(Read(path), name, path);
        }

        return null;
    }

    /// <summary>Moves the job to done/. False when the claim was lost to lease recovery meanwhile.</summary>
    public bool Complete(SpoolClaim claim) =>
        TryRename(claim.Path, Path.Combine(DoneDirectory, $"{claim.Job.Id}.json"));

    /// <summary>Puts the job in retry/ for a later attempt, or in failed/ when permanent or out of attempts.</summary>
    public FailOutcome Fail(SpoolClaim claim, string error, bool permanent)
    {
        var updated = claim.Job with { Attempts = claim.Job.Attempts + 1, LastError = error };
        var giveUp = permanent || updated.Attempts >= MaxAttempts;
        var notBefore = _time.GetUtcNow() + (RetryBackoff * updated.Attempts);
        var target = giveUp
            ? Path.Combine(FailedDirectory, $"{claim.Job.Id}.json")
            : Path.Combine(RetryDirectory, $"{notBefore.ToUnixTimeMilliseconds():D13}~{claim.Job.Id}.json");

        // Rewrite the claim in place first (rename over it), then move it: two atomic steps, so the job is
        // never in two directories at once. If the claim is gone, it was recovered by someone else.
        if (!File.Exists(claim.Path))
        {
            return FailOutcome.Lost;
        }

        Publish(updated, claim.Path);
        if (!TryRename(claim.Path, target))
        {
            return FailOutcome.Lost;
        }

        return giveUp ? FailOutcome.Failed : FailOutcome.Retried;
    }

    private static Job Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(path), SampleJson.Default.Job)
        ?? throw new InvalidDataException($"{path}: empty job file");

    /// <summary>
    /// One rename(2) (checked with strace on .NET 10): of processes renaming the same file, exactly one succeeds
    /// and the others get ENOENT. Targets are unique names or replaceable copies of the same job, so overwriting
    /// is always right.
    /// </summary>
    private static bool TryRename(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private void Publish(Job job, string path)
    {
        var temp = Path.Combine(TmpDirectory, $"{job.Id}.{Environment.ProcessId}.{Guid.NewGuid():N}.json");
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(job, SampleJson.Default.Job));
        File.Move(temp, path, overwrite: true);
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
