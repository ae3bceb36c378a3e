using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Web;

/// <summary>
/// Debian's headless chromium driven through Debian's chromedriver (Selenium WebDriver, no browser download, no
/// Selenium Manager: both paths are given). Screenshots go to artifacts/screenshots/web.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    private Browser(ChromeDriver driver) => Driver = driver;

    public ChromeDriver Driver { get; }

    public static string ScreenshotFolder { get; } =
        Path.Combine(Binaries.RepositoryRoot, "artifacts", "screenshots", "web");

    public static Browser Start()
    {
        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(ChromeDriver)!,
            Path.GetFileName(ChromeDriver)
        );
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // --no-sandbox: the specs run as root, where chromium's sandbox refuses to start.
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--window-size=1280,800",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking"
        );
        return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    public void Open(string url) => Driver.Navigate().GoToUrl(url);

    /// <summary>The row of one process: its state text, description and name cell.</summary>
    public IWebElement Row(string namespec) =>
        Driver
            .FindElements(By.CssSelector("tr[data-namespec]"))
            .Single(r => r.GetDomAttribute("data-namespec") == namespec);

    public string StateOf(string namespec) => Row(namespec).FindElement(By.CssSelector("td.status span")).Text;

    public void Click(IWebElement row, string label) =>
        row.FindElements(By.CssSelector("button")).Single(b => b.Text == label && b.Displayed).Click();

    public object? Script(string script, params object[] arguments) => Driver.ExecuteScript(script, arguments);

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
