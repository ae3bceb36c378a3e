using Supervise.Samples.FeedCore.Jobs;
using Supervise.Samples.FeedWorker.Digest;
using Supervise.Samples.FeedWorker.Feeds;

namespace Supervise.Samples.FeedWorker;

/// <summary>Runs one job by kind and returns the one-line summary the worker logs.</summary>
public sealed class JobRunner(FeedFetcher fetcher, FeedCache cache, DigestPublisher publisher)
{
    public async Task<string> RunAsync(Job job, CancellationToken cancellationToken)
    {
        switch (job.Kind)
        {
            case JobKinds.ReadData:
                var source = job.Feed ?? throw new PermanentJobException("read_data job without a feed");
                var feed = await fetcher.FetchAsync(source, cancellationToken).ConfigureAwait(false);
                var stored = cache.Store(feed);
                return $"{source}: \"{feed.Title}\", {feed.Items.Count} items ({stored.NewItems} new)";
            case JobKinds.PublishData:
                return publisher.Publish();
            default:
                throw new PermanentJobException($"unknown job kind '{job.Kind}'");
        }
    }
}
