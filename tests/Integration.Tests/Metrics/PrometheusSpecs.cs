using System.Net.Http.Headers;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Clients;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Metrics;

/// <summary>
/// /metrics under Debian's real Prometheus 2.42 and promtool: Prometheus scrapes the daemon's TCP listener with basic
/// auth, and its HTTP API then answers with what supervisorctl shows.
/// </summary>
public sealed class PrometheusSpecs
{
    private const string User = "prom";
    private const string Password = "s3cret";
    private static readonly TimeSpan Scrapes = TimeSpan.FromSeconds(60);

    [ToolFact("prometheus", "promtool")]
    public async Task Prometheus_scrapes_with_basic_auth_sees_the_states_supervisorctl_shows_and_counts_a_crash()
    {
        var port = ClientTools.FreePort();
        await using var daemon = await StartDaemonAsync(port);
        await daemon.WaitForStateAsync("web", "RUNNING");
        await daemon.WaitForStateAsync("grp:a", "RUNNING");

        await using var prometheus = PrometheusServer.Start($"127.0.0.1:{port}", User, Password);
        await Eventually.UntilAsync(
            async () => await prometheus.ScalarAsync("count_over_time(up{job=\"supervise\"}[5m])") >= 2,
            "Prometheus scraped twice",
            Scrapes
        );

        (await prometheus.QueryAsync("up{job=\"supervise\"}"))
            .Should()
            .ContainSingle()
            .Which.Value.Should()
            .Be(1, prometheus.Output);
        var status = await daemon.CtlAsync("status");
        var expected = status
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(words => (Namespec: words[0], State: words[1]))
            .OrderBy(e => e.Namespec, StringComparer.Ordinal)
            .ToList();
        expected.Should().HaveCount(4);
        var seen = (await prometheus.QueryAsync("supervise_process_state == 1"))
            .Select(s =>
                (
                    Namespec: s.Labels["group"] == s.Labels["name"]
                        ? s.Labels["name"]
                        : $"{s.Labels["group"]}:{s.Labels["name"]}",
                    State: s.Labels["state"]
                )
            )
            .OrderBy(e => e.Namespec, StringComparer.Ordinal)
            .ToList();
        seen.Should().Equal(expected, "the one-hot state series match supervisorctl status");
        (await prometheus.ScalarAsync("supervise_process_exits_total{name=\"crash\",expected=\"false\"}"))
            .Should()
            .Be(0);

        (await daemon.CtlAsync("start", "crash")).ExitCode.Should().Be(0);

        await Eventually.UntilAsync(
            async () =>
                await prometheus.ScalarAsync("supervise_process_exits_total{name=\"crash\",expected=\"false\"}") >= 1,
            "Prometheus sees the crash counted",
            Scrapes
        );
        (await prometheus.ScalarAsync("increase(supervise_process_spawns_total{name=\"crash\"}[5m])"))
            .Should()
            .BeGreaterThan(0);
    }

    [ToolFact("promtool")]
    public async Task Promtool_accepts_the_exposition_with_every_family_typed_and_named_by_the_conventions()
    {
        var port = ClientTools.FreePort();
        await using var daemon = await StartDaemonAsync(port);
        await daemon.WaitForStateAsync("web", "RUNNING");
        // A call of each protocol, so that the call counters and histogram have series to check.
        (await daemon.CtlAsync("status"))
            .ExitCode.Should()
            .Be(3);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"))
        );
        (
            await http.PostAsync(
                $"http://127.0.0.1:{port}/RPC2",
                new StringContent(
                    "<?xml version='1.0'?><methodCall><methodName>supervisor.getState</methodName><params></params></methodCall>",
                    Encoding.UTF8,
                    "text/xml"
                )
            )
        ).EnsureSuccessStatusCode();

        var response = await http.GetAsync($"http://127.0.0.1:{port}/metrics");
        var exposition = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        // The waits above poll `ctl status`, so the gRPC counts are at least one.
        exposition
            .Should()
            .MatchRegex(
                "supervise_control_calls_total\\{protocol=\"grpc\",method=\"ListProcesses\",outcome=\"ok\"\\} [1-9][0-9]*\n"
            )
            .And.Contain(
                "supervise_control_calls_total{protocol=\"xmlrpc\",method=\"supervisor.getState\",outcome=\"ok\"} 1\n"
            )
            .And.MatchRegex(
                "supervise_control_call_duration_seconds_bucket\\{protocol=\"grpc\",method=\"ListProcesses\",le=\"\\+Inf\"\\} [1-9][0-9]*\n"
            );
        var check = await Cli.Wrap("promtool")
            .WithArguments(["check", "metrics"])
            .WithStandardInputPipe(PipeSource.FromString(exposition))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        (check.StandardOutput + check.StandardError).Should().BeEmpty("promtool's linter has nothing to say");
        check.ExitCode.Should().Be(0);
    }

    [ToolFact("promtool")]
    public async Task Promtool_accepts_the_sample_alert_rules_and_prometheus_config()
    {
        var folder = Path.Combine(Binaries.RepositoryRoot, "samples", "monitoring");

        var rules = await Cli.Wrap("promtool")
            .WithArguments(["check", "rules", Path.Combine(folder, "alerts.yml")])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        var config = await Cli.Wrap("promtool")
            .WithArguments(["check", "config", Path.Combine(folder, "prometheus.yml")])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        rules.ExitCode.Should().Be(0, rules.StandardOutput + rules.StandardError);
        rules.StandardOutput.Should().Contain("SUCCESS: 4 rules found");
        config.ExitCode.Should().Be(0, config.StandardOutput + config.StandardError);
    }

    [Fact]
    public async Task Metrics_needs_the_listeners_credentials()
    {
        var port = ClientTools.FreePort();
        await using var daemon = await StartDaemonAsync(port);
        using var http = new HttpClient();

        var response = await http.GetAsync($"http://127.0.0.1:{port}/metrics");

        ((int)response.StatusCode).Should().Be(401);
    }

    private static Task<Infrastructure.Daemon> StartDaemonAsync(int port) =>
        Infrastructure
            .Daemon.WithConfig(
                $$"""
                [inet_http_server]
                port=127.0.0.1:{{port}}
                username={{User}}
                password={{Password}}

                [program:web]
                command={CHILD} hang

                [group:grp]
                programs=a

                [program:a]
                command={CHILD} hang

                [program:idle]
                command={CHILD} hang
                autostart=false

                [program:crash]
                command={CHILD} sleep:300 exit:3
                autostart=false
                autorestart=false
                startsecs=0
                """
            )
            .StartAsync();
}
