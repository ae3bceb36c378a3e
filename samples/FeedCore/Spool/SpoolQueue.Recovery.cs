namespace Supervise.Samples.FeedCore.Spool;

/// <summary>
/// Recovery of claims left behind by a crashed (or SIGKILLed) worker. A claim is stale when its owner pid is no
/// longer alive, or when it is older than the lease (covering a reused pid or a hung owner). A recovering worker
/// first re-claims the stale file under its own name, so that of several workers recovering at once only one
/// returns the job to new/.
/// </summary>
public sealed partial class SpoolQueue
{
    /// <summary>Returns stale claims to new/ (or failed/ after too many attempts); returns the job ids recovered.</summary>
    public IReadOnlyList<string> RecoverStale(string worker)
    {
        var recovered = new List<string>();
        var now = _time.GetUtcNow();
        foreach (var file in Directory.EnumerateFiles(ClaimedDirectory, "*.json"))
        {
            var name = ClaimName.TryParse(Path.GetFileName(file));
            if (name is null || !IsStale(name, now))
            {
                continue;
            }

            var mine = name with
            {
                Worker = ClaimName.SafeWorkerName(worker),
                Pid = Environment.ProcessId,
                ClaimedAtUnixMs = NowMs(),
            };
            var path = Path.Combine(ClaimedDirectory, mine.FileName);
            if (!TryRename(file, path))
            {
                continue;
            }

            var claim = new SpoolClaim(Read(path), mine, path);
            Fail(claim, $"worker {name.Worker} (pid {name.Pid}) died or overran its lease", permanent: false);
            recovered.Add(name.JobId);
        }

        return recovered;
    }

    /// <summary>Moves jobs whose retry backoff has passed from retry/ back to new/; returns how many.</summary>
    public int PromoteDueRetries()
    {
        var now = NowMs();
        var promoted = 0;
        foreach (var file in Directory.EnumerateFiles(RetryDirectory, "*.json"))
        {
            var name = Path.GetFileName(file);
            var separator = name.IndexOf('~', StringComparison.Ordinal);
            if (
                separator > 0
                && long.TryParse(name.AsSpan(0, separator), out var notBefore)
                && notBefore <= now
                && TryRename(file, Path.Combine(NewDirectory, name[(separator + 1)..]))
            )
            {
                promoted++;
            }
        }

        return promoted;
    }

    /// <summary>Deletes done/ entries older than <paramref name="age"/>, so that a long-running demo stays small.</summary>
    public int PruneDone(TimeSpan age)
    {
        var cutoff = _time.GetUtcNow() - age;
        var pruned = 0;
        foreach (var file in Directory.EnumerateFiles(DoneDirectory, "*.json"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime)
            {
                File.Delete(file);
                pruned++;
            }
        }

        return pruned;
    }

    private bool IsStale(ClaimName name, DateTimeOffset now) =>
        !IsAlive(name.Pid) || now - DateTimeOffset.FromUnixTimeMilliseconds(name.ClaimedAtUnixMs) > Lease;

    /// <summary>Linux: a live pid has a /proc entry (zombies too, until reaped, which is right: not yet dead).</summary>
    private static bool IsAlive(int pid) => pid > 0 && Directory.Exists($"/proc/{pid}");
}
