namespace Supervise.Supervisord.Tests.Web;

/// <summary>A process named with markup, and a log line with a script, render as text on the page and in the tail.</summary>
public sealed class EscapingSpecs
{
    [Fact]
    public async Task A_process_named_with_markup_and_its_log_render_as_text()
    {
        await using var web = await WebFixture.StartAsync(
            """
            [program:<b>bold<b>]
            command=/bin/sh -c "echo '<script>alert(1)</script>'; exec sleep 1000"
            startsecs=0
            """
        );
        await Eventually.UntilAsync(() => web.State("<b>bold<b>") == "RUNNING", "it runs", TimeSpan.FromSeconds(20));
        await Eventually.UntilAsync(
            async () =>
                (await web.SendAsync("/tail.html?processname=%3Cb%3Ebold%3Cb%3E")).Body.Contains(
                    "alert",
                    StringComparison.Ordinal
                ),
            "the line reached the log",
            TimeSpan.FromSeconds(10)
        );

        var status = (await web.SendAsync("/")).Body;
        var tail = (await web.SendAsync("/tail.html?processname=%3Cb%3Ebold%3Cb%3E")).Body;

        status.Should().Contain(">&lt;b&gt;bold&lt;b&gt;</a>").And.NotContain("<b>bold<b>");
        status.Should().Contain("href=\"tail.html?processname=%3Cb%3Ebold%3Cb%3E\"");
        tail.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.NotContain("<script>alert");
        tail.Should().Contain("<title>Supervisor tail of process &lt;b&gt;bold&lt;b&gt;</title>");
    }
}
