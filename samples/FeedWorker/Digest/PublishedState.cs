namespace Supervise.Samples.FeedWorker.Digest;

/// <summary>
/// Which items have been published already, by key (feed source + item id). Tracking keys rather than a time
/// avoids a race: an item fetched by one worker while another publishes is neither lost nor repeated.
/// </summary>
public sealed record PublishedState(DateTimeOffset LastPublishedAt, IReadOnlyList<string> Keys);
