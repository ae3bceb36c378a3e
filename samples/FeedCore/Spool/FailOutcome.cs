namespace Supervise.Samples.FeedCore.Spool;

/// <summary>What became of a failed job.</summary>
public enum FailOutcome
{
    /// <summary>In retry/: back in new/ for another attempt once its backoff has passed.</summary>
    Retried,

    /// <summary>Moved to failed/: a permanent error, or too many attempts.</summary>
    Failed,

    /// <summary>The claim was no longer ours (its lease expired and another worker recovered it).</summary>
    Lost,
}
