using System.Globalization;
using OpenQA.Selenium;
using Supervise.Integration.Tests.Clients;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Web;

/// <summary>
/// The web page in a real browser: Debian's headless chromium, over TCP with Basic credentials, on a daemon of real
/// processes. Rows follow the event stream without a reload, the tail view follows its log, and the same page works
/// behind a prefix-stripping proxy. Each spec saves a screenshot under artifacts/screenshots/web.
/// </summary>
public sealed class BrowserSpecs
{
    private const string Programs = """
        [program:web]
        command={CHILD} hang
        startsecs=0

        [program:idle]
        command={CHILD} hang
        autostart=false
        startsecs=0

        [group:workers]
        programs=worker

        [program:worker]
        command={CHILD} hang
        numprocs=2
        process_name=%(program_name)s_%(process_num)s
        autostart=false
        startsecs=0

        [program:follow]
        command=/usr/bin/tail -n0 -s 0.1 -F {W}/input
        startsecs=0
        """;

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task The_page_loaded_over_tcp_with_credentials_shows_every_process_and_its_state()
    {
        await using var site = await SiteAsync();
        using var browser = Browser.Start();

        browser.Open(site.Url);

        browser.Driver.Title.Should().Be("Supervisor Status");
        var rows = browser
            .Driver.FindElements(By.CssSelector("tr[data-namespec]"))
            .Select(r => r.GetDomAttribute("data-namespec"))
            .ToList();
        rows.Should().Equal("follow", "idle", "web", "workers:worker_0", "workers:worker_1");
        browser.StateOf("web").Should().Be("running");
        browser.StateOf("idle").Should().Be("stopped");
        browser.StateOf("workers:worker_0").Should().Be("stopped");
        await WaitLiveAsync(browser);
        browser.Screenshot("status");
    }

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task Clicking_stop_turns_the_row_to_stopped_without_a_reload()
    {
        await using var site = await SiteAsync();
        using var browser = Browser.Start();
        browser.Open(site.Url);
        await WaitLiveAsync(browser);
        browser.Script("window.notReloaded = true;");

        browser.Click(browser.Row("web"), "Stop");

        await Eventually.UntilAsync(
            () => browser.StateOf("web") == "stopped",
            "the row shows stopped",
            TimeSpan.FromSeconds(10)
        );
        browser.Script("return window.notReloaded === true;").Should().Be(true);
        (await site.Daemon.StateOfAsync("web")).Should().Be("STOPPED");
        await Eventually.UntilAsync(
            () => browser.Driver.FindElement(By.Id("message")).Text == "Process web stopped",
            "the message shows",
            TimeSpan.FromSeconds(5)
        );
        browser
            .Row("web")
            .FindElements(By.CssSelector("button"))
            .Where(b => b.Displayed)
            .Select(b => b.Text)
            .Should()
            .Equal("Start", "Clear Log");
        browser.Screenshot("stopped");
    }

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task A_change_made_elsewhere_reaches_the_open_page_within_a_second()
    {
        await using var site = await SiteAsync();
        using var browser = Browser.Start();
        browser.Open(site.Url);
        await WaitLiveAsync(browser);

        // Timed in the browser, from the process's start (the daemon's clock: same machine) to the row's change, so that
        // neither the ctl's start-up nor WebDriver's round trips are measured.
        browser.Script(
            """
            var row = Array.prototype.find.call(document.querySelectorAll('tr[data-namespec]'), function(r){ return r.dataset.namespec === 'idle'; });
            new MutationObserver(function(){ if (row.querySelector('td.status span').textContent === 'running' && !window.changedAt) window.changedAt = Date.now(); })
                .observe(row, { childList: true, characterData: true, subtree: true });
            """
        );

        (await site.Daemon.CtlAsync("start", "idle")).ExitCode.Should().Be(0);

        await Eventually.UntilAsync(
            () => browser.StateOf("idle") == "running",
            "the row shows running",
            TimeSpan.FromSeconds(5)
        );
        var changedAt = Convert.ToInt64(browser.Script("return window.changedAt;"), CultureInfo.InvariantCulture);
        var startedAt = long.Parse(browser.Row("idle").GetDomAttribute("data-start")!, CultureInfo.InvariantCulture);
        (changedAt - startedAt).Should().BeInRange(0, 999);
    }

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task The_group_row_starts_the_whole_group()
    {
        await using var site = await SiteAsync();
        using var browser = Browser.Start();
        browser.Open(site.Url);
        await WaitLiveAsync(browser);
        var group = browser.Driver.FindElement(By.CssSelector("tr.group[data-group='workers']"));

        browser.Click(group, "Start");

        await Eventually.UntilAsync(
            () => browser.StateOf("workers:worker_0") == "running" && browser.StateOf("workers:worker_1") == "running",
            "both workers show running",
            TimeSpan.FromSeconds(10)
        );
        (await site.Daemon.StateOfAsync("workers:worker_1")).Should().Be("RUNNING");
        browser.StateOf("idle").Should().Be("stopped");
        browser.Screenshot("group-started");
    }

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task The_tail_view_shows_a_line_the_program_writes_afterwards_within_a_second()
    {
        await using var site = await SiteAsync();
        using var browser = Browser.Start();
        browser.Open(site.Url + "tail.html?processname=follow");
        await Eventually.UntilAsync(
            () => browser.Driver.FindElement(By.Id("live")).Text == "following",
            "the tail follows",
            TimeSpan.FromSeconds(10)
        );
        var line = "written-after-" + Guid.NewGuid().ToString("N");

        // Timed in the browser (same machine clock), so that WebDriver's round trips are not measured.
        browser.Script(
            "var pre = document.getElementById('stdout'), line = arguments[0];"
                + "new MutationObserver(function(){ if (pre.textContent.indexOf(line) >= 0 && !window.seenAt) window.seenAt = Date.now(); })"
                + ".observe(pre, { childList: true, characterData: true, subtree: true });",
            line
        );

        var writtenAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await File.AppendAllTextAsync(Path.Combine(site.Daemon.Directory, "input"), line + "\n");

        await Eventually.UntilAsync(
            () => browser.Driver.FindElement(By.Id("stdout")).Text.Contains(line, StringComparison.Ordinal),
            "the line shows in the tail view",
            TimeSpan.FromSeconds(5)
        );
        var seenAt = Convert.ToInt64(browser.Script("return window.seenAt;"), CultureInfo.InvariantCulture);
        (seenAt - writtenAt).Should().BeLessThan(1000);
        browser.Driver.FindElement(By.Id("stderr")).Displayed.Should().BeTrue();
        browser.Screenshot("tail");
    }

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task The_same_page_works_behind_a_reverse_proxy_on_a_sub_path()
    {
        await using var site = await SiteAsync();
        await using var proxy = new SubPathProxy("/sup", site.Port);
        using var browser = Browser.Start();

        browser.Open($"http://user:secret@127.0.0.1:{proxy.Port}/sup/");
        await WaitLiveAsync(browser);
        browser.Click(browser.Row("web"), "Stop");

        await Eventually.UntilAsync(
            () => browser.StateOf("web") == "stopped",
            "the row shows stopped",
            TimeSpan.FromSeconds(10)
        );
        await Eventually.UntilAsync(
            () => browser.Driver.FindElement(By.Id("message")).Text == "Process web stopped",
            "the message shows",
            TimeSpan.FromSeconds(5)
        );
        PathOf(browser.Driver.Url).Should().Be("/sup/");
        browser.Driver.FindElement(By.LinkText("follow")).Click();
        browser.Driver.SwitchTo().Window(browser.Driver.WindowHandles.Last());
        await Eventually.UntilAsync(
            () => browser.Driver.FindElement(By.Id("live")).Text == "following",
            "the tail follows through the proxy",
            TimeSpan.FromSeconds(10)
        );
        PathOf(browser.Driver.Url).Should().Be("/sup/tail.html?processname=follow");
        browser.Screenshot("sub-path-tail");
    }

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task Without_javascript_the_buttons_post_and_the_303_lands_on_the_sub_path()
    {
        await using var site = await SiteAsync();
        await using var proxy = new SubPathProxy("/sup", site.Port);
        using var browser = Browser.Start();
        browser.Open($"http://user:secret@127.0.0.1:{proxy.Port}/sup/");
        // The script's submit handler is what makes the click a background fetch; without it the form posts.
        browser.Script(
            "document.getElementById('page').addEventListener('submit', function(e){ e.stopImmediatePropagation(); }, true);"
        );

        browser.Click(browser.Row("web"), "Stop");

        await Eventually.UntilAsync(
            () => browser.Driver.Url.Contains("message=", StringComparison.Ordinal),
            "the browser followed the 303",
            TimeSpan.FromSeconds(10)
        );
        PathOf(browser.Driver.Url).Should().Be("/sup/?message=Process%20web%20stopped");
        browser.Driver.FindElement(By.Id("message")).Text.Should().Be("Process web stopped");
        browser.StateOf("web").Should().Be("stopped");
    }

    [ToolFact(Browser.Chromium, Browser.ChromeDriver)]
    public async Task A_process_named_with_html_markup_renders_as_text()
    {
        await using var site = await SiteAsync(
            """
            [program:<b>bold<b>]
            command={CHILD} hang
            startsecs=0
            """
        );
        using var browser = Browser.Start();

        browser.Open(site.Url);
        await WaitLiveAsync(browser);

        var row = browser.Row("<b>bold<b>");
        row.FindElement(By.CssSelector("td a")).Text.Should().Be("<b>bold<b>");
        browser.Driver.FindElements(By.CssSelector("#statustable b")).Should().BeEmpty();
        browser.StateOf("<b>bold<b>").Should().Be("running");
        browser.Screenshot("markup-name");
    }

    /// <summary>The path and query of the browser's address: the proxy's port, without the credentials it was opened with.</summary>
    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static async Task WaitLiveAsync(Browser browser) =>
        await Eventually.UntilAsync(
            () => browser.Driver.FindElement(By.Id("live")).Text == "live",
            "the page is live",
            TimeSpan.FromSeconds(10)
        );

    private static async Task<Site> SiteAsync(string programs = Programs)
    {
        var port = ClientTools.FreePort();
        var daemon = Infrastructure.Daemon.WithConfig(
            $"[inet_http_server]\nport=127.0.0.1:{port}\nusername=user\npassword=secret\n\n" + programs
        );
        await File.WriteAllTextAsync(Path.Combine(daemon.Directory, "input"), "");
        await daemon.StartAsync();
        await daemon.WaitForStateAsync(programs == Programs ? "web" : "<b>bold<b>", "RUNNING");
        return new Site(daemon, port);
    }

    private sealed record Site(Infrastructure.Daemon Daemon, int Port) : IAsyncDisposable
    {
        public string Url => $"http://user:secret@127.0.0.1:{Port}/";

        public ValueTask DisposeAsync() => Daemon.DisposeAsync();
    }
}
