using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Supervise.Integration.Tests.Clients;

namespace Supervise.Integration.Tests.Web;

/// <summary>The page's routes over real TCP on the real daemon, as curl and a foreign page's request reach them.</summary>
public sealed class WebRouteSpecs
{
    [Fact]
    public async Task A_cross_site_stop_is_refused_and_the_same_link_from_curl_works()
    {
        var (daemon, http) = await StartAsync();
        await using var _ = daemon;
        using var __ = http;
        const string link = "index.html?processname=web&action=stop";

        using var foreign = new HttpRequestMessage(HttpMethod.Get, link);
        foreign.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await http.SendAsync(foreign);
        var stateAfterRefusal = await daemon.StateOfAsync("web");
        var curl = await http.GetAsync(link);

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        stateAfterRefusal.Should().Be("RUNNING");
        curl.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        curl.Headers.Location!.OriginalString.Should().Be("./?message=Process%20web%20stopped");
        (await daemon.StateOfAsync("web")).Should().Be("STOPPED");
    }

    [Fact]
    public async Task The_event_stream_pushes_a_change_made_with_the_ctl_within_a_second()
    {
        var (daemon, http) = await StartAsync();
        await using var _ = daemon;
        using var __ = http;
        using var response = await http.GetAsync("events", HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await ReadUntilAsync(reader, "\"namespec\":\"web\"")).Should().Contain("\"statename\":\"RUNNING\"");

        var stopping = daemon.CtlAsync("stop", "web");
        var stopped = await ReadUntilAsync(reader, "\"statename\":\"STOPPED\"");
        var arrived = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // "now" is the daemon's clock when it turned the change into an event; the ctl's own start-up is not measured.
        var sentAt = long.Parse(
            Regex.Match(stopped, "\"now\":(\\d+)\\}\n$").Groups[1].Value,
            CultureInfo.InvariantCulture
        );
        (arrived - sentAt).Should().BeLessThan(1000);
        stopped.Should().Contain("event: state");
        (await stopping).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Ok_html_answers_ok_and_the_logtail_is_not_sniffed()
    {
        var (daemon, http) = await StartAsync();
        await using var _ = daemon;
        using var __ = http;

        (await http.GetStringAsync("ok.html")).Should().Be("OK");
        using var tail = await http.GetAsync("logtail/web", HttpCompletionOption.ResponseHeadersRead);
        tail.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    /// <summary>Reads lines until one contains <paramref name="needle"/>; that line (an SSE data line).</summary>
    private static async Task<string> ReadUntilAsync(StreamReader reader, string needle)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new StringBuilder();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Append(line).Append('\n');
            if (line.Contains(needle, StringComparison.Ordinal))
            {
                return seen.ToString();
            }
        }
        throw new EndOfStreamException(seen.ToString());
    }

    private static async Task<(Infrastructure.Daemon Daemon, HttpClient Http)> StartAsync()
    {
        var port = ClientTools.FreePort();
        var daemon = await Infrastructure
            .Daemon.WithConfig(
                $"""
                [inet_http_server]
                port=127.0.0.1:{port}
                username=user
                password=secret

                [program:web]
                command={"{CHILD}"} hang
                startsecs=0
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("web", "RUNNING");
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("user:secret"))
        );
        return (daemon, http);
    }
}
