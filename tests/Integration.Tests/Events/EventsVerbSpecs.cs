using System.Text.Json;
using Supervise.Integration.Tests.Clients;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Events;

/// <summary>`supervisorctl events --json` (our own verb) against a real daemon: the live typed stream, one object a line.</summary>
public sealed class EventsVerbSpecs
{
    [Fact]
    public async Task Events_json_prints_the_live_stream_filtered_by_type_one_object_a_line()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:worker]
                command={CHILD} hang
                startsecs=0
                autostart=false
                """
            )
            .StartAsync();
        await using var events = BackgroundTool.Start(
            Binaries.Supervisorctl,
            "-c",
            daemon.ConfigPath,
            "events",
            "--json",
            "PROCESS_STATE"
        );
        // The stream starts when the ctl's call reaches the daemon; until then, starting the worker could go unseen.
        await Eventually.UntilAsync(
            async () =>
            {
                await daemon.CtlAsync("start", "worker");
                await daemon.CtlAsync("stop", "worker");
                return events.Output.Contains("PROCESS_STATE_RUNNING", StringComparison.Ordinal);
            },
            "the ctl printed the worker's RUNNING event",
            TimeSpan.FromSeconds(30)
        );

        var lines = events.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines
            .Should()
            .AllSatisfy(l =>
                JsonDocument.Parse(l).RootElement.GetProperty("type").GetString().Should().StartWith("PROCESS_STATE_")
            );
        var running = JsonDocument
            .Parse(lines.First(l => l.Contains("PROCESS_STATE_RUNNING", StringComparison.Ordinal)))
            .RootElement;
        running.GetProperty("fields").GetProperty("processname").GetString().Should().Be("worker");
        running.GetProperty("fields").GetProperty("from_state").GetString().Should().Be("STARTING");
        int.Parse(
                running.GetProperty("fields").GetProperty("pid").GetString()!,
                System.Globalization.CultureInfo.InvariantCulture
            )
            .Should()
            .BePositive();
    }
}
