using System.Text;

namespace Supervise.Samples.FeedWorker.Digest;

/// <summary>Renders a digest as Markdown.</summary>
public static class MarkdownDigest
{
    public static string Render(IReadOnlyList<DigestSection> sections, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.AppendLine("# Feed digest").AppendLine();
        text.AppendLine(
            $"Published {now:yyyy-MM-dd HH:mm:ss} UTC: {sections.Sum(s => s.Items.Count)} new items from {sections.Count} feeds."
        );
        foreach (var section in sections)
        {
            text.AppendLine().AppendLine($"## {Escape(section.Feed.Title)}").AppendLine();
            foreach (var item in section.Items)
            {
                var title = item.Link is null
                    ? $"**{Escape(item.Title)}**"
                    : $"**[{Escape(item.Title)}]({item.Link})**";
                var date = item.Published is { } published ? $" ({published:yyyy-MM-dd})" : "";
                text.AppendLine($"- {title}{date}");
                if (item.Summary is not null)
                {
                    text.AppendLine($"  {Escape(item.Summary)}");
                }
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("[", "\\[").Replace("]", "\\]").Replace("*", "\\*");
}
