using System.Net;
using System.Text.RegularExpressions;

namespace Supervise.Supervisord.Tests.Web;

/// <summary>The rows of a status page as a user sees them: state text and class, description, name, visible actions.</summary>
public sealed record PageRow(string State, string StateClass, string Description, string Name, string Actions)
{
    private static readonly Regex Row = new(
        "<tr class=\"(?<class>[^\"]*)\"(?<attrs>[^>]*)>(?<body>.*?)</tr>",
        RegexOptions.Singleline
    );
    private static readonly Regex Status = new(
        "<td class=\"status\"><span class=\"(?<class>[^\"]*)\">(?<text>[^<]*)</span>"
    );
    private static readonly Regex DescriptionCell = new("<td><span[^>]*>(?<text>[^<]*)</span></td>");
    private static readonly Regex NameCell = new(
        "<a href=\"tail\\.html\\?processname=[^\"]*\" target=\"_blank\">(?<text>[^<]*)</a>"
    );
    private static readonly Regex Action = new("<(?:a|button)(?<attrs>[^>]*)>(?<text>[^<]*)</(?:a|button)>");
    private static readonly Regex Listed = new(
        "<li(?: class=\"(?<class>[^\"]*)\")?>\\s*(?<item><(?:a|button)[^>]*>[^<]*</(?:a|button)>)",
        RegexOptions.Singleline
    );

    /// <summary>Supervisor's page: actions hidden with class="hidden".</summary>
    public static List<PageRow> OfSupervisor(string html) =>
        Parse(html, (_, item, attrs) => !attrs.Contains("class=\"hidden\"", StringComparison.Ordinal));

    /// <summary>Our page: every button is there, and the row's st-* class decides (by the stylesheet) which are shown.</summary>
    public static List<PageRow> OfOurs(string html) =>
        Parse(
            html,
            (rowClass, itemClass, _) =>
                itemClass switch
                {
                    "act-running" => rowClass.Contains("st-running", StringComparison.Ordinal),
                    "act-stopped" => rowClass.Contains("st-stopped", StringComparison.Ordinal),
                    _ => true,
                }
        );

    private static List<PageRow> Parse(string html, Func<string, string, string, bool> visible)
    {
        var rows = new List<PageRow>();
        foreach (Match row in Row.Matches(html))
        {
            var body = row.Groups["body"].Value;
            if (row.Groups["class"].Value.Contains("group", StringComparison.Ordinal) || !Status.IsMatch(body))
            {
                continue;
            }
            var status = Status.Match(body);
            var actions = Listed
                .Matches(body)
                .Where(m =>
                    visible(
                        row.Groups["class"].Value,
                        m.Groups["class"].Value,
                        Action.Match(m.Groups["item"].Value).Groups["attrs"].Value
                    )
                )
                .Select(m => WebUtility.HtmlDecode(Action.Match(m.Groups["item"].Value).Groups["text"].Value));
            rows.Add(
                new PageRow(
                    WebUtility.HtmlDecode(status.Groups["text"].Value),
                    status.Groups["class"].Value,
                    Normalize(WebUtility.HtmlDecode(DescriptionCell.Match(body).Groups["text"].Value)),
                    WebUtility.HtmlDecode(NameCell.Match(body).Groups["text"].Value),
                    string.Join(", ", actions)
                )
            );
        }
        return rows;
    }

    /// <summary>Pids and uptimes differ between two runs.</summary>
    public static string Normalize(string description) =>
        Regex.Replace(description, @"pid \d+, uptime \d+:\d\d:\d\d", "pid N, uptime T");
}
