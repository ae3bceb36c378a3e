using Supervise.Samples.FeedWorker.Feeds;

namespace Supervise.Samples.FeedWorker.Digest;

/// <summary>One feed's new items in a digest.</summary>
public sealed record DigestSection(CachedFeed Feed, IReadOnlyList<CachedItem> Items);
