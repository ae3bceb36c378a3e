namespace Supervise.Samples.FeedWorker;

/// <summary>Everything the worker is told on its command line.</summary>
/// <param name="Name">Shown in the log and in claim file names; defaults to SUPERVISOR_PROCESS_NAME.</param>
/// <param name="Lease">A claim older than this is presumed abandoned and returned to the queue.</param>
/// <param name="SweepInterval">How often to recover stale claims, and the fallback wake-up if a watch event is missed.</param>
public sealed record WorkerOptions(
    string Spool,
    string Cache,
    string Digest,
    string Name,
    TimeSpan Lease,
    TimeSpan SweepInterval
);
