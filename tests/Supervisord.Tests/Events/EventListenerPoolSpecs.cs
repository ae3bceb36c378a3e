using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>Supervisor's pool semantics (reference §5.2–5.3) with fake listener processes.</summary>
public sealed class EventListenerPoolSpecs
{
    [Fact]
    public void Events_wait_in_the_buffer_until_a_listener_runs_and_says_ready()
    {
        using var harness = new PoolHarness();
        harness.Hub.Publish(new ProcessGroupAdded("web"));
        harness.First.Writes.Should().BeEmpty();

        harness.Run(harness.First);

        harness.First.Writes.Should().Equal("ver:3.0 server:sv serial:0 pool:audit poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:web\n");
    }

    [Fact]
    public void An_ok_result_consumes_the_event_and_the_next_ready_gets_the_next_one()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);
        harness.Hub.Publish(new ProcessGroupAdded("a"));
        harness.Hub.Publish(new ProcessGroupAdded("b"));

        harness.Say(harness.First, "RESULT 2\nOKREADY\n");

        harness.First.Writes.Should().HaveCount(2);
        harness.First.Writes[1].Should().Contain("serial:1 pool:audit poolserial:1").And.EndWith("groupname:b\n");
    }

    [Fact]
    public void A_fail_result_sends_the_same_event_again_with_its_serials()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        harness.Say(harness.First, "RESULT 4\nFAILREADY\n");

        harness.First.Writes.Should().HaveCount(2);
        harness.First.Writes[1].Should().Be(harness.First.Writes[0]);
    }

    [Fact]
    public void Output_while_ready_puts_the_listener_in_unknown_and_it_gets_no_more_events()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);

        harness.Say(harness.First, "junk\n");
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        harness.First.Writes.Should().BeEmpty();
    }

    [Fact]
    public void A_full_buffer_discards_the_oldest_event()
    {
        using var harness = new PoolHarness(bufferSize: 2);
        harness.Hub.Publish(new ProcessGroupAdded("a"));
        harness.Hub.Publish(new ProcessGroupAdded("b"));
        harness.Hub.Publish(new ProcessGroupAdded("c"));

        harness.Run(harness.First);
        harness.Say(harness.First, "RESULT 2\nOKREADY\n");

        harness.First.Writes.Select(w => w[(w.IndexOf('\n') + 1)..]).Should().Equal("groupname:b\n", "groupname:c\n");
    }

    [Fact]
    public void An_event_in_flight_when_the_listener_dies_goes_to_the_restarted_listener()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        harness.Hub.Publish(new ProcessStateChanged("l0", "audit", "RUNNING", "EXITED", 100, 0, false));
        harness.Run(harness.First);

        harness.First.Writes.Should().HaveCount(2);
        harness.First.Writes[1].Should().Be(harness.First.Writes[0]);
    }

    [Fact]
    public void A_partial_ready_is_kept_until_the_rest_arrives()
    {
        using var harness = new PoolHarness();
        harness.Hub.Publish(new ProcessStateChanged("l0", "audit", "STARTING", "RUNNING", 100, 0, false));
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        harness.Say(harness.First, "REA");
        harness.Say(harness.First, "DY\n");

        harness.First.Writes.Should().ContainSingle();
    }
}
