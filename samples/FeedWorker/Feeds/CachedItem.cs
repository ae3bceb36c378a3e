namespace Supervise.Samples.FeedWorker.Feeds;

/// <summary>One feed item as cached.</summary>
/// <param name="Id">The RSS guid or Atom id; the link or title when the feed has none.</param>
/// <param name="FirstSeen">When this cache first saw the item (kept across fetches).</param>
public sealed record CachedItem(
    string Id,
    string Title,
    string? Link,
    DateTimeOffset? Published,
    string? Summary,
    DateTimeOffset FirstSeen
);
