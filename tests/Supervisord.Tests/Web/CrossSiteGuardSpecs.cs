using Microsoft.AspNetCore.Http;
using Supervise.Supervisord.Web;

namespace Supervise.Supervisord.Tests.Web;

/// <summary>
/// Another site cannot make a browser (which replays cached Basic credentials) change anything; the same link typed,
/// bookmarked, clicked on the page itself, or sent by curl still works.
/// </summary>
public sealed class CrossSiteGuardSpecs
{
    [Theory]
    [InlineData("cross-site", null, true)]
    [InlineData("same-site", null, true)]
    [InlineData("same-origin", null, false)]
    [InlineData("none", null, false)]
    [InlineData(null, "http://evil.example", true)]
    [InlineData(null, "null", true)]
    [InlineData(null, "http://127.0.0.1:9002", true)]
    [InlineData(null, "http://127.0.0.1:9001", false)]
    [InlineData(null, null, false)]
    [InlineData("same-origin", "http://evil.example", false)] // the browser's own verdict wins
    public void A_request_is_foreign_when_its_fetch_metadata_or_origin_says_another_site_sent_it(
        string? site,
        string? origin,
        bool foreign
    )
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("127.0.0.1:9001");
        if (site is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = site;
        }
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        CrossSiteGuard.IsForeign(context.Request).Should().Be(foreign);
    }

    [Fact]
    public void Behind_a_proxy_an_origin_matching_the_forwarded_host_is_the_pages_own()
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("127.0.0.1:9001");
        context.Request.Headers.Origin = "https://ops.example.com";
        context.Request.Headers["X-Forwarded-Host"] = "ops.example.com";

        CrossSiteGuard.IsForeign(context.Request).Should().BeFalse();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_cross_site_stop_is_refused_with_403_and_the_process_keeps_running(string method)
    {
        await using var web = await StartAsync();

        var refused = await web.SendAsync(
            "/index.html?processname=solo&action=stop",
            method,
            headers: new Dictionary<string, string> { ["Sec-Fetch-Site"] = "cross-site" }
        );
        var foreignOrigin = await web.SendAsync(
            "/index.html?action=stopall",
            method,
            headers: new Dictionary<string, string> { ["Origin"] = "http://evil.example" }
        );

        refused.Status.Should().Be(403);
        foreignOrigin.Status.Should().Be(403);
        web.State("solo").Should().Be("RUNNING");
    }

    [Fact]
    public async Task The_same_link_from_curl_or_typed_in_the_address_bar_works()
    {
        await using var web = await StartAsync();

        var typed = await web.SendAsync(
            "/index.html?processname=solo&action=stop",
            headers: new Dictionary<string, string> { ["Sec-Fetch-Site"] = "none" }
        );
        var curl = await web.SendAsync("/index.html?processname=solo&action=start");

        typed.Message.Should().Be("Process solo stopped");
        curl.Message.Should().Be("Process solo started");
    }

    [Fact]
    public async Task Reading_the_page_and_refresh_are_allowed_from_anywhere()
    {
        await using var web = await StartAsync();
        var crossSite = new Dictionary<string, string> { ["Sec-Fetch-Site"] = "cross-site" };

        (await web.SendAsync("/index.html", headers: crossSite)).Status.Should().Be(200);
        (await web.SendAsync("/index.html?action=refresh", headers: crossSite)).Status.Should().Be(303);
    }

    private static async Task<WebFixture> StartAsync()
    {
        var web = await WebFixture.StartAsync("[program:solo]\ncommand=/bin/sleep 1000\nstartsecs=0\n");
        await Eventually.UntilAsync(() => web.State("solo") == "RUNNING", "solo runs", TimeSpan.FromSeconds(20));
        return web;
    }
}
