using Supervise.Samples.FeedWorker;
using Supervise.Samples.FeedWorker.Feeds;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Worker;

public sealed class FeedParserSpecs
{
    private static readonly DateTimeOffset Now = new(2025, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("dotnet-runtime.rss.xml", "Runtime Notes", 4)]
    [InlineData("ops-weekly.rss.xml", "Ops Weekly", 3)]
    [InlineData("release-notes.atom.xml", "Supervise release notes", 3)]
    public void The_shipped_rss_and_atom_feeds_parse(string file, string title, int items)
    {
        var feed = Parse(File.ReadAllText(Repo.Feed(file)));

        feed.Title.Should().Be(title);
        feed.Items.Should().HaveCount(items);
        feed.Items.Should()
            .OnlyContain(i => i.Link != null && i.Published != null && i.Summary != null && i.FirstSeen == Now);
        feed.Items.Select(i => i.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Html_in_summaries_becomes_one_line_of_plain_text()
    {
        var feed = Parse(
            """
            <rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>
            <item><title>a</title><guid>1</guid><description><![CDATA[<p>Use <code>rename(2)</code>,</p><p>not &amp;link.</p>]]></description></item>
            </channel></rss>
            """
        );

        feed.Items.Single().Summary.Should().Be("Use rename(2), not &link.");
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>cut off")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("{\"items\": []}")]
    public void A_malformed_feed_is_a_permanent_failure_naming_the_source(string content)
    {
        var parse = () => Parse(content);

        parse
            .Should()
            .Throw<PermanentJobException>()
            .WithMessage("/feeds/test.xml: not a valid RSS 2.0 or Atom 1.0 feed*");
    }

    private static CachedFeed Parse(string content) =>
        FeedParser.Parse("/feeds/test.xml", System.Text.Encoding.UTF8.GetBytes(content), Now);
}
