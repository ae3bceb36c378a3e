namespace Supervise.Samples.FeedWorker.Feeds;

/// <summary>One feed as cached: a JSON file per feed in the cache folder.</summary>
/// <param name="Source">The URL or path it was read from; the cache key.</param>
public sealed record CachedFeed(
    string Source,
    string Title,
    string? Link,
    DateTimeOffset FetchedAt,
    IReadOnlyList<CachedItem> Items
);
