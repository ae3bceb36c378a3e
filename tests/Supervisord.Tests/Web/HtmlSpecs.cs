using Supervise.Supervisord.Web;

namespace Supervise.Supervisord.Tests.Web;

/// <summary>Escaping of config and log text, Python's urllib.quote for links, ctime for messages, the tail limit.</summary>
public sealed class HtmlSpecs
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a & \"b\" 'c'", "a &amp; &quot;b&quot; &#39;c&#39;")]
    [InlineData("plain", "plain")]
    public void Markup_from_configs_and_logs_is_escaped_to_text(string text, string escaped) =>
        Html.Escape(text).Should().Be(escaped);

    [Theory]
    [InlineData("pool:worker_0", "pool%3Aworker_0")]
    [InlineData("Process sleeper stopped", "Process%20sleeper%20stopped")]
    [InlineData("a/b~c.d-e", "a/b~c.d-e")]
    [InlineData("[70] é", "%5B70%5D%20%C3%A9")]
    public void Quote_is_pythons_urllib_quote(string text, string quoted) => Html.Quote(text).Should().Be(quoted);

    [Fact]
    public void CTime_pads_the_day_with_a_space_as_python_does()
    {
        var at = new DateTimeOffset(2026, 12, 1, 22, 45, 16, TimeSpan.Zero);

        Html.CTime(at).Should().MatchRegex(@"^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$");
        Html.CTime(at)
            .Should()
            .EndWith(at.ToLocalTime().ToString("HH:mm:ss yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null, 1024)]
    [InlineData("5", 1024)]
    [InlineData("4096", 4096)]
    [InlineData("-5", 1024)]
    [InlineData("abc", 1024)]
    public void The_tail_limit_is_at_least_1024_bytes_as_in_supervisor(string? limit, int bytes) =>
        TailView.Limit(limit).Should().Be(bytes);
}
