using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Metrics;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Tests.Processes;

namespace Supervise.Supervisord.Tests.Metrics;

/// <summary>The whole exposition over a registry of real children.</summary>
public sealed class MetricsExpositionSpecs : IAsyncLifetime
{
    private readonly EngineFixture _engine = new();
    private readonly LifeCounters _life = new();
    private IDisposable? _subscription;

    public Task InitializeAsync()
    {
        _subscription = _engine.Registry.Events.Subscribe(_life);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _subscription?.Dispose();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task A_running_program_shows_its_state_one_hot_its_pid_figures_and_one_spawn()
    {
        var process = _engine.Add(TestConfigs.Program("web", "/bin/sleep 30") with { StartSecs = 0 }).Processes[0];
        await process.StartAsync();
        await EngineFixture.WaitFor(process, ProcessState.Running);

        var text = Scrape();

        text.Should()
            .Contain("supervise_process_state{group=\"web\",name=\"web\",state=\"RUNNING\"} 1\n")
            .And.Contain("supervise_process_state{group=\"web\",name=\"web\",state=\"STOPPED\"} 0\n")
            .And.Contain("supervise_process_state_code{group=\"web\",name=\"web\"} 20\n")
            .And.Contain("supervise_process_spawns_total{group=\"web\",name=\"web\"} 1\n")
            .And.Contain("supervise_processes{state=\"RUNNING\"} 1\n")
            .And.Contain("supervise_daemon_state{state=\"RUNNING\"} 1\n")
            .And.Contain("supervise_build_info{version=\"" + DaemonVersion.Value + "\"");
        Value(text, "supervise_process_resident_memory_bytes{group=\"web\",name=\"web\"}").Should().BePositive();
        Value(text, "supervise_daemon_resident_memory_bytes").Should().BePositive();
        Value(text, "supervise_daemon_open_fds").Should().BePositive();
    }

    [Fact]
    public async Task A_crashing_program_moves_its_unexpected_exits_and_its_log_bytes()
    {
        var config = TestConfigs.Program("crash", "/bin/sh -c 'echo boom; sleep 0.2; exit 3'") with
        {
            StartSecs = 0,
            Stdout = _engine.FileLog("crash.log"),
        };
        var process = _engine.Add(config).Processes[0];
        await process.StartAsync();

        await Eventually.UntilAsync(
            () =>
                Value(Scrape(), "supervise_process_exits_total{group=\"crash\",name=\"crash\",expected=\"false\"}")
                >= 2,
            "two crashes counted"
        );

        var text = Scrape();
        Value(text, "supervise_process_exits_total{group=\"crash\",name=\"crash\",expected=\"true\"}").Should().Be(0);
        Value(text, "supervise_process_spawns_total{group=\"crash\",name=\"crash\"}")
            .Should()
            .BeGreaterThanOrEqualTo(2);
        Value(text, "supervise_process_log_written_bytes_total{group=\"crash\",name=\"crash\",channel=\"stdout\"}")
            .Should()
            .BeGreaterThanOrEqualTo(5);
        Value(text, "supervise_process_log_dropped_bytes_total{group=\"crash\",name=\"crash\",channel=\"stdout\"}")
            .Should()
            .Be(0);
    }

    [Fact]
    public void Every_family_is_written_once_with_its_samples_together()
    {
        _engine.Add(TestConfigs.Program("a"));
        _engine.Add(TestConfigs.Program("b"));

        var lines = Scrape().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var families = lines
            .Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2])
            .ToList();
        families.Should().OnlyHaveUniqueItems();
        var order = lines.Where(l => !l.StartsWith('#')).Select(l => FamilyOf(l, families)).ToList();
        order
            .Should()
            .Equal(order.Distinct().SelectMany(f => order.Where(o => o == f)), "no family's samples are split");
    }

    [Fact]
    public void A_scrape_of_a_thousand_processes_allocates_little_beyond_its_pooled_buffer()
    {
        _engine.Registry.Add(
            new ProcessGroupConfig(
                "many",
                999,
                GroupKind.Program,
                new ValueList<ProcessConfig>([.. Enumerable.Range(0, 1000).Select(i => TestConfigs.Program($"p{i}"))])
            )
        );
        var exposition = Exposition();
        using (var warm = new ExpositionWriter())
        {
            exposition.Write(warm);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var writer = new ExpositionWriter())
        {
            exposition.Write(writer);
            writer.Written.Length.Should().BeGreaterThan(1_000_000);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated
            .Should()
            .BeLessThan(64 * 1024, "the exposition is written into a pooled buffer, not built as strings");
    }

    private static string FamilyOf(string sample, List<string> families)
    {
        var name = sample[..sample.IndexOfAny(['{', ' '])];
        return families.Where(f => name == f || name.StartsWith(f + "_", StringComparison.Ordinal)).MaxBy(f => f.Length)
            ?? name;
    }

    private static double Value(string text, string series)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null
            ? double.NaN
            : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private MetricsExposition Exposition()
    {
        var config = new SupervisorConfig(
            "/nonexistent/supervisord.conf",
            _engine.Registry.Daemon,
            null,
            null,
            new CtlSettings("unix:///nonexistent.sock", null, null, "supervisor", null),
            ValueList<ProcessGroupConfig>.Empty
        );
        var daemon = new SupervisorDaemon(config.SourcePath, config, _engine.Registry, NullLogger.Instance);
        return new MetricsExposition(
            daemon,
            _life,
            new ControlCallMetrics(TimeProvider.System, []),
            TimeProvider.System
        );
    }

    private string Scrape()
    {
        using var writer = new ExpositionWriter();
        Exposition().Write(writer);
        return Encoding.UTF8.GetString(writer.Written.Span);
    }
}
