using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// Debian's prometheus-node-exporter 1.5.0 and its supervisord collector (Go, mattn/go-xmlrpc, getAllProcessInfo over
/// the unix socket): its `v.(int)` assertions panic on anything but &lt;int&gt;, so a clean scrape proves our types.
/// </summary>
public sealed class NodeExporterSpecs
{
    [ClientFact(Client.NodeExporter)]
    public async Task The_supervisord_collector_reports_each_running_program_up_and_a_stopped_one_down()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:web]
                command={CHILD} hang

                [group:grp]
                programs=a

                [program:a]
                command={CHILD} hang

                [program:idle]
                command={CHILD} hang
                autostart=false
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("web", "RUNNING");
        await daemon.WaitForStateAsync("grp:a", "RUNNING");
        var port = ClientTools.FreePort();

        await using var exporter = BackgroundTool.Start(
            ClientTools.NodeExporter,
            "--collector.disable-defaults",
            "--collector.supervisord",
            $"--collector.supervisord.url=unix://{daemon.SocketPath}",
            $"--web.listen-address=127.0.0.1:{port}"
        );
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var metrics = "";
        await Eventually.UntilAsync(
            async () =>
            {
                exporter.HasExited.Should().BeFalse(exporter.Output);
                try
                {
                    metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
                    return metrics.Contains("node_supervisord_up", StringComparison.Ordinal);
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "node_exporter serves the supervisord metrics",
            TimeSpan.FromSeconds(30)
        );

        metrics
            .Should()
            .Contain("node_supervisord_up{group=\"web\",name=\"web\"} 1\n")
            .And.Contain("node_supervisord_up{group=\"grp\",name=\"a\"} 1\n")
            .And.Contain("node_supervisord_up{group=\"idle\",name=\"idle\"} 0\n")
            .And.Contain("node_scrape_collector_success{collector=\"supervisord\"} 1\n")
            .And.MatchRegex(@"node_supervisord_start_time_seconds\{group=""web"",name=""web""\} [0-9.e+]+\n");
        exporter.Output.Should().NotContain("panic");
    }
}
