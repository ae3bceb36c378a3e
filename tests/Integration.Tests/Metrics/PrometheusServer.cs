using System.Globalization;
using System.Text.Json;
using Supervise.Integration.Tests.Clients;

namespace Supervise.Integration.Tests.Metrics;

/// <summary>
/// Debian's real prometheus, scraping one target every second with basic auth, with its storage in a temp folder
/// and its web API on a free loopback port; killed when the spec ends.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly BackgroundTool _tool;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string _directory;

    private PrometheusServer(BackgroundTool tool, string directory, int port)
    {
        _tool = tool;
        _directory = directory;
        _http.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Output => _tool.Output;

    public static PrometheusServer Start(string target, string username, string password)
    {
        var directory = Directory.CreateTempSubdirectory("supervise-prom-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(
            config,
            $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: supervise
                basic_auth:
                  username: {username}
                  password: {password}
                static_configs:
                  - targets: ["{target}"]
            """
        );
        var port = ClientTools.FreePort();
        var tool = BackgroundTool.Start(
            "prometheus",
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn"
        );
        return new PrometheusServer(tool, directory, port);
    }

    /// <summary>An instant query's result: each series' labels and value; empty while Prometheus is not up yet.</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        _tool.HasExited.Should().BeFalse(_tool.Output);
        string body;
        try
        {
            body = await _http.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(promql));
        }
        catch (HttpRequestException)
        {
            return [];
        }
        using var document = JsonDocument.Parse(body);
        var results = new List<(Dictionary<string, string>, double)>();
        foreach (var series in document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = series
                .GetProperty("metric")
                .EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            var value = double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
            results.Add((labels, value));
        }
        return results;
    }

    /// <summary>The value of a query that yields one series, or null when it yields none.</summary>
    public async Task<double?> ScalarAsync(string promql) =>
        (await QueryAsync(promql)) is [var only] ? only.Value : null;

    public async ValueTask DisposeAsync()
    {
        await _tool.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
