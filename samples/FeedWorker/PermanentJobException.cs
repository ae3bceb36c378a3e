namespace Supervise.Samples.FeedWorker;

/// <summary>A failure that a retry cannot fix (a malformed feed, a missing file): the job goes to failed/ at once.</summary>
public sealed class PermanentJobException(string message, Exception? inner = null) : Exception(message, inner);
