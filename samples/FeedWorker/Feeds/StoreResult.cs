namespace Supervise.Samples.FeedWorker.Feeds;

/// <summary>What a fetch added to the cache.</summary>
public sealed record StoreResult(string Path, int TotalItems, int NewItems);
