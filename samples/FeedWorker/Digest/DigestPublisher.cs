using System.Text.Json;
using Supervise.Samples.FeedCore;
using Supervise.Samples.FeedWorker.Feeds;

namespace Supervise.Samples.FeedWorker.Digest;

/// <summary>
/// Writes the digest of cached items not yet published: Markdown, or HTML when the digest path ends in .html.
/// The digest is written before the state that marks its items published, so a crash in between repeats items
/// in the next digest rather than losing them.
/// </summary>
public sealed class DigestPublisher(FeedCache cache, string digestPath, TimeProvider time)
{
    public string DigestPath { get; } = Path.GetFullPath(digestPath);

    /// <summary>Beside the digest: <c>digest.md</c> has <c>digest.published.json</c>.</summary>
    public string StatePath => Path.ChangeExtension(DigestPath, ".published.json");

    public string Publish()
    {
        var now = time.GetUtcNow();
        var published = LoadState()?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var feeds = cache.LoadAll();
        var sections = feeds
            .Select(feed => new DigestSection(feed, feed.Items.Where(i => !published.Contains(Key(feed, i))).ToList()))
            .Where(section => section.Items.Count > 0)
            .ToList();
        if (sections.Count == 0)
        {
            return $"no new items in {feeds.Count} cached feeds, digest unchanged";
        }

        var html = DigestPath.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        AtomicFile.WriteAllText(
            DigestPath,
            html ? HtmlDigest.Render(sections, now) : MarkdownDigest.Render(sections, now)
        );

        // Keys of items that left the cache are dropped, so the state stays as small as the cache.
        var keys = feeds.SelectMany(feed => feed.Items.Select(item => Key(feed, item))).ToList();
        var state = new PublishedState(now, keys);
        AtomicFile.WriteAllBytes(
            StatePath,
            JsonSerializer.SerializeToUtf8Bytes(state, WorkerJson.Default.PublishedState)
        );
        return $"{sections.Sum(s => s.Items.Count)} new items from {sections.Count} feeds written to {DigestPath}";
    }

    private static string Key(CachedFeed feed, CachedItem item) => $"{feed.Source}\n{item.Id}";

    private PublishedState? LoadState() =>
        File.Exists(StatePath)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(StatePath), WorkerJson.Default.PublishedState)
            : null;
}
