using System.Net;
using System.Text.RegularExpressions;

namespace Supervise.Supervisord.Tests.Web;

/// <summary>
/// The requests of Fixtures/record.sh, in its order, against our page on the programs of Fixtures/record.conf, compared
/// with Supervisor 4.2.5's recorded answers: the message of every action (with the ctime normalised), the rows of the
/// status page, and the tail texts. Our redirects are 303 with a relative Location where 4.2.5 sends 301 with an
/// absolute one; that difference is the point (a sub-path proxy).
/// </summary>
public sealed class WebCompatibilitySpecs
{
    private static readonly Regex CTime = new(@"\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}");

    /// <summary>Lines in the sleeper's log before these steps: started by autostart and start-sleeper, then by restart-sleeper.</summary>
    private static readonly Dictionary<string, int> LinesBefore = new()
    {
        ["tail-sleeper-full"] = 2,
        ["clearlog-sleeper"] = 3,
    };

    [Fact]
    public async Task Every_recorded_route_and_action_answers_as_supervisor_4_2_5_did()
    {
        await using var web = await WebFixture.StartAsync(Programs());
        await Eventually.UntilAsync(
            () => new[] { "sleeper", "pool:worker_0", "pool:worker_1" }.All(n => web.State(n) == "RUNNING"),
            "the autostart programs run",
            TimeSpan.FromSeconds(20)
        );
        var steps = File.ReadAllLines(Path.Combine(WebFixture.FixtureFolder(), "record.sh"))
            .Select(line => Regex.Match(line, "^get (?<name>\\S+) '?(?<path>[^']*)'?$"))
            .Where(m => m.Success)
            .ToList();
        steps.Should().HaveCountGreaterThan(15);

        foreach (var step in steps)
        {
            var name = step.Groups["name"].Value;
            var recorded = Recorded(name);
            if (LinesBefore.TryGetValue(name, out var lines))
            {
                // The sleeper prints a line each time it starts; its last start's line must be in the log before the step reads or clears it.
                await Eventually.UntilAsync(
                    async () =>
                        Regex.Count((await web.SendAsync("/tail.html?processname=sleeper")).Body, "hello from sleeper")
                        == lines,
                    "the sleeper's last line reached its log",
                    TimeSpan.FromSeconds(10)
                );
            }
            var ours = await web.SendAsync("/" + step.Groups["path"].Value);
            CompareStep(name, recorded, ours);
        }
    }

    private static void CompareStep(string name, string recorded, WebAnswer ours)
    {
        var location = Regex.Match(recorded, "^Location: .*?/\\?message=(?<m>.*)$", RegexOptions.Multiline);
        if (location.Success)
        {
            ours.Status.Should().Be(303, name);
            ours.Location.Should().StartWith("./?message=", name);
            Normalized(ours.Message!).Should().Be(Normalized(Uri.UnescapeDataString(location.Groups["m"].Value)), name);
            return;
        }
        ours.Status.Should().Be(200, name);
        var body = recorded[(recorded.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        if (name == "ok")
        {
            ours.Body.Should().Be(body, name);
            ours.Headers.ContentType.ToString().Should().Be("text/plain");
        }
        else if (name.StartsWith("status", StringComparison.Ordinal) || name == "message")
        {
            Title(ours.Body).Should().Be(Title(body), name);
            PageRow.OfOurs(ours.Body).Should().Equal(PageRow.OfSupervisor(body), name);
            Text(ours.Body, "<div id=\"message\" class=\"status_msg\">")
                .Should()
                .Be(Text(body, "<div class=\"status_msg\">"), name);
        }
        else
        {
            Title(ours.Body).Should().Be(Title(body), name);
            Text(ours.Body, "<pre class=\"tail\" id=\"stdout\">", "<pre id=\"stdout\">")
                .Should()
                .Be(Text(body, "<pre>"), name);
            Href(ours.Body, "id=\"refresh\" href=\"").Should().Be(Href(body, "<a href=\""), name);
        }
        ours.Headers.ContentType.ToString()
            .Should()
            .Be(Regex.Match(recorded, "^Content-Type: (.*)$", RegexOptions.Multiline).Groups[1].Value, name);
        if (name != "ok")
        {
            ours.Headers.CacheControl.ToString().Should().Be("no-cache", name);
            ours.Headers.Pragma.ToString().Should().Be("no-cache", name);
        }
    }

    private static string Programs()
    {
        var config = File.ReadAllText(Path.Combine(WebFixture.FixtureFolder(), "record.conf"));
        var start = config.IndexOf("[program:", StringComparison.Ordinal);
        var end = config.IndexOf("[rpcinterface:", StringComparison.Ordinal);
        return config[start..end];
    }

    private static string Recorded(string name) =>
        File.ReadAllText(Path.Combine(WebFixture.FixtureFolder(), "supervisor-4.2.5", name + ".http"));

    private static string Normalized(string message) => CTime.Replace(message, "<ctime>");

    private static string Title(string html) => Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value;

    /// <summary>The decoded text after the first of <paramref name="openings"/> up to the next tag, or null when none is there.</summary>
    private static string? Text(string html, params string[] openings)
    {
        foreach (var opening in openings)
        {
            var at = html.IndexOf(opening, StringComparison.Ordinal);
            if (at >= 0)
            {
                var from = at + opening.Length;
                return WebUtility.HtmlDecode(html[from..html.IndexOf("</", from, StringComparison.Ordinal)]);
            }
        }
        return null;
    }

    private static string? Href(string html, string opening)
    {
        var at = html.IndexOf(opening, html.IndexOf("<body", StringComparison.Ordinal), StringComparison.Ordinal);
        return at < 0
            ? null
            : WebUtility.HtmlDecode(html[(at + opening.Length)..html.IndexOf('"', at + opening.Length)]);
    }
}
