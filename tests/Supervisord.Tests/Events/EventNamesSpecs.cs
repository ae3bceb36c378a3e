using Supervise.Supervisord.Events;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>Supervisor's event type names, its subscription rule, and the PROCESS_STATE payload (reference §5.1).</summary>
public sealed class EventNamesSpecs
{
    [Theory]
    [InlineData("PROCESS_STATE_RUNNING", "PROCESS_STATE_RUNNING", true)]
    [InlineData("PROCESS_STATE", "PROCESS_STATE_EXITED", true)]
    [InlineData("EVENT", "TICK_60", true)]
    [InlineData("TICK", "TICK_5", true)]
    [InlineData("PROCESS_GROUP", "PROCESS_GROUP_ADDED", true)]
    [InlineData("PROCESS_STATE_RUNNING", "PROCESS_STATE_STOPPED", false)]
    [InlineData("TICK_5", "TICK_60", false)]
    [InlineData("PROCESS", "PROCESS_STATE_RUNNING", false)]
    [InlineData("PROCESS_STATE", "PROCESS_STATEFUL", false)]
    public void A_subscription_matches_its_own_type_and_an_abstract_one_every_type_under_it(
        string subscription,
        string eventName,
        bool matches
    )
    {
        EventNames.Matches([subscription], eventName).Should().Be(matches);
    }

    [Fact]
    public void One_matching_subscription_among_several_is_enough()
    {
        EventNames.Matches(["TICK_5", "PROCESS_STATE"], "PROCESS_STATE_FATAL").Should().BeTrue();
        EventNames.Matches([], "PROCESS_STATE_FATAL").Should().BeFalse();
    }

    [Fact]
    public void A_state_event_is_named_after_the_new_state()
    {
        EventNames.ProcessState(ProcessState.Backoff).Should().Be("PROCESS_STATE_BACKOFF");
    }

    [Theory]
    [InlineData(ProcessState.Starting, "processname:web groupname:g from_state:BACKOFF tries:2")]
    [InlineData(ProcessState.Backoff, "processname:web groupname:g from_state:BACKOFF tries:2")]
    [InlineData(ProcessState.Exited, "processname:web groupname:g from_state:BACKOFF expected:1 pid:42")]
    [InlineData(ProcessState.Running, "processname:web groupname:g from_state:BACKOFF pid:42")]
    [InlineData(ProcessState.Stopping, "processname:web groupname:g from_state:BACKOFF pid:42")]
    [InlineData(ProcessState.Stopped, "processname:web groupname:g from_state:BACKOFF pid:42")]
    [InlineData(ProcessState.Fatal, "processname:web groupname:g from_state:BACKOFF")]
    [InlineData(ProcessState.Unknown, "processname:web groupname:g from_state:BACKOFF")]
    public void A_state_payload_has_the_tokens_supervisor_writes_for_the_new_state(ProcessState to, string payload)
    {
        var change = new StateChanged(ProcessState.Backoff, to, Pid: 42, Tries: 2, Expected: true);

        EventNames.ProcessStatePayload("web", "g", change).Should().Be(payload);
    }
}
