using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;

namespace Supervise.Samples.FeedWorker.Feeds;

/// <summary>
/// Parses RSS 2.0 or Atom 1.0 with System.ServiceModel.Syndication, which detects the format from the root element.
/// Anything it refuses (not XML, another root element, a bad date) is a <see cref="PermanentJobException"/>.
/// </summary>
public static partial class FeedParser
{
    private const int MaxSummaryLength = 280;

    // DTDs are ignored rather than refused: some real feeds still carry a DOCTYPE. No resolver, so no external
    // entity is ever fetched.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static CachedFeed Parse(string source, byte[] bytes, DateTimeOffset now)
    {
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception exception) when (exception is XmlException or FormatException or InvalidOperationException)
        {
            throw new PermanentJobException(
                $"{source}: not a valid RSS 2.0 or Atom 1.0 feed: {exception.Message}",
                exception
            );
        }

        var items = feed.Items.Select(item => ToItem(item, now)).ToList();
        return new CachedFeed(source, feed.Title?.Text ?? source, LinkOf(feed.Links), now, items);
    }

    private static CachedItem ToItem(SyndicationItem item, DateTimeOffset now)
    {
        var title = item.Title?.Text?.Trim() is { Length: > 0 } text ? text : "(untitled)";
        var link = LinkOf(item.Links);
        var published =
            item.PublishDate != default ? item.PublishDate
            : item.LastUpdatedTime != default ? item.LastUpdatedTime
            : (DateTimeOffset?)null;
        var summary = item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text;
        return new CachedItem(item.Id ?? link ?? title, title, link, published, PlainText(summary), now);
    }

    private static string? LinkOf(IEnumerable<SyndicationLink> links) =>
        links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();

    /// <summary>Feed summaries are often HTML; the digest wants one short plain-text paragraph.</summary>
    private static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = BlockTags().Replace(html, " ");
        text = Whitespace().Replace(WebUtility.HtmlDecode(InlineTags().Replace(text, "")), " ").Trim();
        return text.Length <= MaxSummaryLength ? text : string.Concat(text.AsSpan(0, MaxSummaryLength - 1), "…");
    }

    // Block tags separate words ("<p>a</p><p>b</p>"); inline ones do not ("<code>a</code>,").
    [GeneratedRegex(@"</?(p|br|div|li|ul|ol|h[1-6]|tr|td|blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex InlineTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
