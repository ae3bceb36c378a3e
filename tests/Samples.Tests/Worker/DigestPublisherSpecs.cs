using Microsoft.Extensions.Time.Testing;
using Supervise.Samples.FeedWorker.Digest;
using Supervise.Samples.FeedWorker.Feeds;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Worker;

public sealed class DigestPublisherSpecs : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly FeedCache _cache;

    public DigestPublisherSpecs() => _cache = new FeedCache(_temp["cache"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_digest_lists_each_cached_item_once_then_only_items_new_since_the_last_publish()
    {
        var publisher = new DigestPublisher(_cache, _temp["digest.md"], _time);
        _cache.Store(Feed("Ops Weekly", "212", "211"));
        publisher.Publish().Should().StartWith("2 new items from 1 feeds");
        File.ReadAllText(publisher.DigestPath)
            .Should()
            .Contain("## Ops Weekly")
            .And.Contain("Issue 212")
            .And.Contain("Issue 211");

        _time.Advance(TimeSpan.FromMinutes(1));
        _cache.Store(Feed("Ops Weekly", "213", "212", "211"));
        publisher.Publish();

        File.ReadAllText(publisher.DigestPath).Should().Contain("Issue 213").And.NotContain("Issue 212");
    }

    [Fact]
    public void Nothing_new_leaves_the_previous_digest_in_place()
    {
        var publisher = new DigestPublisher(_cache, _temp["digest.md"], _time);
        _cache.Store(Feed("Ops Weekly", "212"));
        publisher.Publish();
        var before = File.ReadAllText(publisher.DigestPath);

        _cache.Store(Feed("Ops Weekly", "212"));

        publisher.Publish().Should().Contain("no new items");
        File.ReadAllText(publisher.DigestPath).Should().Be(before);
    }

    [Fact]
    public void A_digest_path_ending_in_html_gets_an_html_page_with_encoded_text()
    {
        var publisher = new DigestPublisher(_cache, _temp["digest.html"], _time);
        _cache.Store(Feed("Ops <Weekly>", "212"));

        publisher.Publish();

        File.ReadAllText(publisher.DigestPath)
            .Should()
            .StartWith("<!DOCTYPE html>")
            .And.Contain("<h2>Ops &lt;Weekly&gt;</h2>");
    }

    [Fact]
    public void Refetching_a_feed_keeps_when_each_item_was_first_seen()
    {
        var first = _cache.Store(Feed("Ops Weekly", "211"));
        _time.Advance(TimeSpan.FromHours(1));

        var second = _cache.Store(Feed("Ops Weekly", "212", "211"));

        (first.NewItems, second.NewItems, second.TotalItems).Should().Be((1, 1, 2));
        _cache
            .LoadAll()
            .Single()
            .Items.Single(i => i.Id == "211")
            .FirstSeen.Should()
            .Be(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.Zero));
    }

    private CachedFeed Feed(string title, params string[] issues) =>
        new(
            "https://opsweekly.example.net/rss",
            title,
            "https://opsweekly.example.net/",
            _time.GetUtcNow(),
            issues
                .Select(n => new CachedItem(
                    n,
                    $"Issue {n}",
                    $"https://opsweekly.example.net/issues/{n}",
                    _time.GetUtcNow(),
                    "summary",
                    _time.GetUtcNow()
                ))
                .ToList()
        );
}
