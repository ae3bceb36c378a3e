using System.Net;
using System.Text;

namespace Supervise.Samples.FeedWorker.Digest;

/// <summary>Renders a digest as a small standalone HTML page.</summary>
public static class HtmlDigest
{
    public static string Render(IReadOnlyList<DigestSection> sections, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feed digest</title></head><body>");
        html.AppendLine("<h1>Feed digest</h1>");
        html.AppendLine(
            $"<p>Published {now:yyyy-MM-dd HH:mm:ss} UTC: {sections.Sum(s => s.Items.Count)} new items from {sections.Count} feeds.</p>"
        );
        foreach (var section in sections)
        {
            html.AppendLine($"<h2>{Encode(section.Feed.Title)}</h2>").AppendLine("<ul>");
            foreach (var item in section.Items)
            {
                var title = item.Link is null
                    ? Encode(item.Title)
                    : $"<a href=\"{Encode(item.Link)}\">{Encode(item.Title)}</a>";
                var date = item.Published is { } published ? $" <small>{published:yyyy-MM-dd}</small>" : "";
                var summary = item.Summary is null ? "" : $"<br>{Encode(item.Summary)}";
                html.AppendLine($"<li>{title}{date}{summary}</li>");
            }

            html.AppendLine("</ul>");
        }

        return html.AppendLine("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
