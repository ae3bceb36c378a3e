using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Tests.Processes;
using Supervise.Supervisord.Web;

namespace Supervise.Supervisord.Tests.Web;

/// <summary>A daemon on real processes from an INI body, and the web page over it, driven with in-memory HTTP contexts.</summary>
public sealed class WebFixture : IAsyncDisposable
{
    private readonly EngineFixture _engine = new();
    private readonly MainLog _mainLog = new(null, toStdout: false);

    private WebFixture() { }

    public ControlOperations Operations { get; private set; } = null!;

    public WebPage Page { get; private set; } = null!;

    public string Directory => _engine.Directory;

    /// <summary>Loads [supervisord] plus <paramref name="body"/> ("{W}" is the temp folder) and starts its autostart programs.</summary>
    public static async Task<WebFixture> StartAsync(string body)
    {
        var fixture = new WebFixture();
        var path = Path.Combine(fixture.Directory, "supervisord.conf");
        await File.WriteAllTextAsync(
            path,
            $"[supervisord]\nlogfile={fixture.Directory}/supervisord.log\nchildlogdir={fixture.Directory}\n\n"
                + body.Replace("{W}", fixture.Directory, StringComparison.Ordinal)
        );
        var loaded = ConfigLoader.Load(path);
        loaded.Succeeded.Should().BeTrue(string.Join("\n", loaded.Errors));
        var daemon = new SupervisorDaemon(path, loaded.Config!, fixture._engine.Registry, NullLogger.Instance);
        await daemon.StartAsync();
        fixture.Operations = new ControlOperations(daemon, TimeProvider.System, fixture._mainLog);
        fixture.Page = new WebPage(fixture.Operations);
        return fixture;
    }

    /// <summary>One request through the page; the answer's status, headers and body.</summary>
    public async Task<WebAnswer> SendAsync(
        string pathAndQuery,
        string method = "GET",
        string? form = null,
        IDictionary<string, string>? headers = null
    )
    {
        var context = new DefaultHttpContext();
        var question = pathAndQuery.IndexOf('?');
        context.Request.Method = method;
        context.Request.Path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(pathAndQuery[question..]);
        context.Request.Host = new HostString("127.0.0.1:9001");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }
        if (form is not null)
        {
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
        }
        var body = new MemoryStream();
        context.Response.Body = body;
        await Page.HandleAsync(context);
        return new WebAnswer(
            context.Response.StatusCode,
            context.Response.Headers,
            Encoding.UTF8.GetString(body.ToArray())
        );
    }

    public string State(string namespec) => Operations.Process(namespec).Current.State.Name();

    public static string FixtureFolder([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Fixtures");

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _mainLog.Dispose();
    }
}

/// <summary>What the page answered.</summary>
public sealed record WebAnswer(int Status, IHeaderDictionary Headers, string Body)
{
    public string Location => Headers.Location.ToString();

    /// <summary>The message the redirect carries, decoded.</summary>
    public string? Message =>
        Location.StartsWith("./?message=", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(Location["./?message=".Length..])
            : null;
}
