namespace Supervise.Supervisord.Tests.Web;

/// <summary>What the page adds to Supervisor's: POST buttons, 303 with a relative Location, group actions, the filter, escaping.</summary>
public sealed class WebPageSpecs
{
    private const string Programs = """
        [program:alpha]
        command=/bin/sleep 1000
        startsecs=0

        [program:beta]
        command=/bin/sleep 1000
        startsecs=0

        [group:crew]
        programs=alpha,beta

        [program:solo]
        command=/bin/sleep 1000
        startsecs=0
        """;

    [Fact]
    public async Task An_action_answers_303_with_a_relative_location_so_that_it_works_on_a_sub_path()
    {
        await using var web = await StartAsync();

        var answer = await web.SendAsync("/index.html?processname=solo&action=stop");

        answer.Status.Should().Be(303);
        answer.Location.Should().Be("./?message=Process%20solo%20stopped");
        web.State("solo").Should().Be("STOPPED");
    }

    [Fact]
    public async Task The_pages_own_buttons_post_and_the_form_body_carries_the_action()
    {
        await using var web = await StartAsync();

        var answer = await web.SendAsync("/index.html", "POST", "processname=solo&action=stop");

        answer.Message.Should().Be("Process solo stopped");
        web.State("solo").Should().Be("STOPPED");
    }

    [Fact]
    public async Task A_group_row_stops_and_starts_every_process_of_its_group()
    {
        await using var web = await StartAsync();

        var stopped = await web.SendAsync("/index.html?processname=crew%3A%2A&action=stop", "POST");
        var states = new[] { web.State("crew:alpha"), web.State("crew:beta"), web.State("solo") };
        var started = await web.SendAsync("/index.html?processname=crew%3A%2A&action=start", "POST");

        stopped.Message.Should().Be("Group crew stopped");
        states.Should().Equal("STOPPED", "STOPPED", "RUNNING");
        started.Message.Should().Be("Group crew started");
        web.State("crew:alpha").Should().Be("RUNNING");
        web.State("crew:beta").Should().Be("RUNNING");
    }

    [Fact]
    public async Task The_status_page_has_a_group_row_with_its_buttons_and_a_plain_row_for_a_lone_program()
    {
        await using var web = await StartAsync();

        var page = (await web.SendAsync("/")).Body;

        page.Should().Contain("<tr class=\"group\" data-group=\"crew\">");
        page.Should().Contain("formaction=\"index.html?processname=crew%3A%2A&amp;action=restart\"");
        page.Should().NotContain("data-group=\"solo\"><td");
        page.Should().Contain("data-namespec=\"crew:alpha\"").And.Contain("data-namespec=\"solo\"");
    }

    [Fact]
    public async Task The_filter_renders_only_matching_rows_without_javascript()
    {
        await using var web = await StartAsync();

        var page = (await web.SendAsync("/index.html?filter=ALP")).Body;

        page.Should().Contain("data-namespec=\"crew:alpha\"");
        page.Should().NotContain("data-namespec=\"crew:beta\"").And.NotContain("data-namespec=\"solo\"");
        page.Should().Contain("value=\"ALP\"");
    }

    [Fact]
    public async Task The_html_views_are_not_cached_not_sniffed_and_not_framed()
    {
        await using var web = await StartAsync();

        var answer = await web.SendAsync("/");

        answer.Headers.ContentType.ToString().Should().Be("text/html;charset=utf-8");
        answer.Headers.Expires.ToString().Should().Be("Thu, 01 Jan 1970 00:00:00 GMT");
        answer.Headers["X-Content-Type-Options"].ToString().Should().Be("nosniff");
        answer.Headers["X-Frame-Options"].ToString().Should().Be("DENY");
        answer.Headers.ContentSecurityPolicy.ToString().Should().Contain("frame-ancestors 'none'");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Methods_other_than_get_and_post_get_400(string method)
    {
        await using var web = await StartAsync();

        (await web.SendAsync("/index.html?processname=solo&action=stop", method)).Status.Should().Be(400);
        web.State("solo").Should().Be("RUNNING");
    }

    [Fact]
    public async Task An_action_supervisor_does_not_know_is_refused_and_changes_nothing()
    {
        await using var web = await StartAsync();

        (await web.SendAsync("/index.html?processname=solo&action=explode")).Status.Should().Be(400);
        (await web.SendAsync("/index.html?action=start")).Status.Should().Be(400);
        web.State("solo").Should().Be("RUNNING");
    }

    [Fact]
    public async Task A_config_without_programs_shows_no_programs_to_manage()
    {
        await using var web = await WebFixture.StartAsync("");

        (await web.SendAsync("/")).Body.Should().Contain("No programs to manage");
    }

    [Fact]
    public async Task The_tail_view_shows_stdout_and_stderr_and_raises_the_limit_to_1024()
    {
        await using var web = await WebFixture.StartAsync(
            """
            [program:talker]
            command=/bin/sh -c "echo out-line; echo err-line >&2; exec sleep 1000"
            startsecs=0
            """
        );
        await Eventually.UntilAsync(
            async () =>
                (await web.SendAsync("/tail.html?processname=talker")).Body.Contains(
                    "err-line",
                    StringComparison.Ordinal
                ),
            "stderr reached its log",
            TimeSpan.FromSeconds(10)
        );

        var page = (await web.SendAsync("/tail.html?processname=talker&limit=10")).Body;

        page.Should().Contain("<pre class=\"tail\" id=\"stdout\">out-line\n</pre>");
        page.Should().Contain("<pre class=\"tail\" id=\"stderr\">err-line\n</pre>");
        page.Should().Contain("href=\"tail.html?processname=talker&amp;limit=1024\"");
        page.Should().Contain("data-events=\"tailevents?processname=talker&amp;limit=1024\"");
    }

    private static async Task<WebFixture> StartAsync()
    {
        var web = await WebFixture.StartAsync(Programs);
        await Eventually.UntilAsync(
            () => new[] { "crew:alpha", "crew:beta", "solo" }.All(n => web.State(n) == "RUNNING"),
            "all run",
            TimeSpan.FromSeconds(20)
        );
        return web;
    }
}
