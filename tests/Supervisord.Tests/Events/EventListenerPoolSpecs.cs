using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>Supervisor's pool semantics (reference §5.2–5.3) with fake listener processes.</summary>
public sealed class EventListenerPoolSpecs
{
    [Fact]
    public async Task Events_wait_in_the_buffer_until_a_listener_runs_and_says_ready()
    {
        using var harness = new PoolHarness();
        harness.Hub.Publish(new ProcessGroupAdded("web"));
        await harness.Pool.IdleAsync();
        harness.First.Writes.Should().BeEmpty();

        harness.Run(harness.First);
        await harness.Pool.IdleAsync();

        harness
            .First.Writes.Should()
            .Equal(
                "ver:3.0 server:sv serial:0 pool:audit poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:web\n"
            );
    }

    [Fact]
    public async Task An_ok_result_consumes_the_event_and_the_next_ready_gets_the_next_one()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);
        harness.Hub.Publish(new ProcessGroupAdded("a"));
        harness.Hub.Publish(new ProcessGroupAdded("b"));

        harness.Say(harness.First, "RESULT 2\nOKREADY\n");

        await harness.Pool.IdleAsync();
        harness.First.Writes.Should().HaveCount(2);
        harness.First.Writes[1].Should().Contain("serial:1 pool:audit poolserial:1").And.EndWith("groupname:b\n");
    }

    [Fact]
    public async Task A_fail_result_sends_the_same_event_again_with_its_serials()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        harness.Say(harness.First, "RESULT 4\nFAILREADY\n");

        await harness.Pool.IdleAsync();
        harness.First.Writes.Should().HaveCount(2);
        harness.First.Writes[1].Should().Be(harness.First.Writes[0]);
    }

    [Fact]
    public async Task Output_while_ready_puts_the_listener_in_unknown_and_it_gets_no_more_events()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);

        harness.Say(harness.First, "junk\n");
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        await harness.Pool.IdleAsync();
        harness.First.Writes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_full_buffer_discards_the_oldest_event()
    {
        using var harness = new PoolHarness(bufferSize: 2);
        harness.Hub.Publish(new ProcessGroupAdded("a"));
        harness.Hub.Publish(new ProcessGroupAdded("b"));
        harness.Hub.Publish(new ProcessGroupAdded("c"));

        harness.Run(harness.First);
        harness.Say(harness.First, "RESULT 2\nOKREADY\n");

        await harness.Pool.IdleAsync();
        harness.First.Writes.Select(w => w[(w.IndexOf('\n') + 1)..]).Should().Equal("groupname:b\n", "groupname:c\n");
    }

    [Fact]
    public async Task An_event_in_flight_when_the_listener_dies_goes_to_the_restarted_listener()
    {
        using var harness = new PoolHarness();
        harness.Run(harness.First);
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        harness.Hub.Publish(new ProcessStateChanged("l0", "audit", "RUNNING", "EXITED", 100, 0, false));
        harness.Run(harness.First);

        await harness.Pool.IdleAsync();
        harness.First.Writes.Should().HaveCount(2);
        harness.First.Writes[1].Should().Be(harness.First.Writes[0]);
    }

    [Fact]
    public async Task A_listener_whose_stdin_is_gone_is_skipped_for_the_next_ready_one()
    {
        using var harness = new PoolHarness(listeners: ["l0", "l1"]);
        harness.Run(harness.Listeners[0]);
        harness.Run(harness.Listeners[1]);
        harness.Listeners[0].Accepts = false;

        harness.Hub.Publish(new ProcessGroupAdded("a"));

        await harness.Pool.IdleAsync();
        harness.Listeners[1].Writes.Should().ContainSingle().Which.Should().EndWith("groupname:a\n");
    }

    [Fact]
    public async Task A_partial_ready_is_kept_until_the_rest_arrives()
    {
        using var harness = new PoolHarness();
        harness.Hub.Publish(new ProcessStateChanged("l0", "audit", "STARTING", "RUNNING", 100, 0, false));
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        harness.Say(harness.First, "REA");
        harness.Say(harness.First, "DY\n");

        await harness.Pool.IdleAsync();
        harness.First.Writes.Should().ContainSingle();
    }

    [Fact]
    public async Task Output_is_handed_over_without_waiting_for_a_listener_whose_stdin_is_blocked()
    {
        using var harness = new PoolHarness(listeners: ["l0", "l1"]);
        harness.Run(harness.Listeners[0]);
        await harness.Pool.IdleAsync();
        var blocked = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Listeners[0].Block = blocked.Task;
        harness.Hub.Publish(new ProcessGroupAdded("a"));

        var handed = Task.Run(() => harness.Run(harness.Listeners[1]));

        (await Task.WhenAny(handed, Task.Delay(TimeSpan.FromSeconds(10))))
            .Should()
            .BeSameAs(handed, "the output thread only queues");
        harness.Listeners[1].Writes.Should().BeEmpty("the event is still being written to l0");
        blocked.SetResult(true);
        await harness.Pool.IdleAsync();
        harness.Listeners[0].Writes.Should().ContainSingle();
    }

    [Fact]
    public async Task Each_envelope_goes_out_in_one_write()
    {
        using var harness = new PoolHarness(events: "REMOTE_COMMUNICATION");
        harness.Run(harness.First);
        harness.Hub.Publish(new RemoteCommunication("t", "grüße 😀"));
        await harness.Pool.IdleAsync();

        harness
            .First.Writes.Should()
            .Equal(
                "ver:3.0 server:sv serial:0 pool:audit poolserial:0 eventname:REMOTE_COMMUNICATION len:14\ntype:t\ngrüße 😀"
            );
    }
}
