using System.Text;
using Supervise.Supervisord.Control;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Control;

/// <summary>StreamEvents' message: the listener payload split into its first line's tokens and the data after it.</summary>
public sealed class StreamEventsSpecs
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    [Fact]
    public void A_process_log_event_carries_its_header_tokens_as_fields_and_its_output_as_data()
    {
        var message = SupervisorService.ToMessage(
            new PublishedEvent(
                3,
                At,
                new ProcessLog(
                    OutputChannel.Stderr,
                    "web",
                    "site",
                    42,
                    Encoding.UTF8.GetBytes("oops: grüße\nline two\n")
                )
            )
        );

        message.Type.Should().Be("PROCESS_LOG_STDERR");
        message.Serial.Should().Be(3);
        message.TimeUnixMs.Should().Be(1_700_000_000_123);
        message
            .Fields.Should()
            .BeEquivalentTo(
                new Dictionary<string, string>
                {
                    ["processname"] = "web",
                    ["groupname"] = "site",
                    ["pid"] = "42",
                    ["channel"] = "stderr",
                }
            );
        message.Data.Should().Be("oops: grüße\nline two\n");
    }

    [Fact]
    public void A_state_change_has_only_fields_and_a_tick_its_when()
    {
        var state = SupervisorService.ToMessage(
            new PublishedEvent(-1, At, new ProcessStateChanged("web", "web", "STARTING", "RUNNING", 7, 0, false))
        );
        var tick = SupervisorService.ToMessage(new PublishedEvent(-1, At, new Tick(5, 1_700_000_000)));

        state
            .Fields.Should()
            .BeEquivalentTo(
                new Dictionary<string, string>
                {
                    ["processname"] = "web",
                    ["groupname"] = "web",
                    ["from_state"] = "STARTING",
                    ["pid"] = "7",
                }
            );
        state.Data.Should().BeEmpty();
        tick.Fields.Should().BeEquivalentTo(new Dictionary<string, string> { ["when"] = "1700000000" });
    }
}
