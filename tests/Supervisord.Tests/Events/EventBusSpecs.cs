using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>
/// The bus on pools without listener processes: nothing is dispatched, so every event stays in the pool's buffer, and
/// the buffer's overflow line (Supervisor's "discarding event N") shows which serials each pool was given.
/// </summary>
public sealed class EventBusSpecs
{
    private readonly RecordingLogger _log = new();
    private readonly EventBus _bus = new();

    [Fact]
    public void A_pool_gets_only_the_types_it_subscribed_to()
    {
        Pool("ticks", bufferSize: 2, "TICK");

        _bus.Publish("TICK_5", "a");
        _bus.Publish("PROCESS_STATE_RUNNING", "x");
        _bus.Publish("PROCESS_STATE_STOPPED", "y");
        _bus.Publish("TICK_60", "b");

        Overflows().Should().BeEmpty("only the two ticks reached the buffer of two");
    }

    [Fact]
    public void Serials_count_only_delivered_events_and_are_shared_by_every_pool()
    {
        Pool("states", bufferSize: 1, "PROCESS_STATE");
        Pool("everything", bufferSize: 1, "EVENT");

        _bus.Publish("SUPERVISOR_STATE_CHANGE_RUNNING", "");
        _bus.Publish("PROCESS_STATE_STARTING", "");
        _bus.Publish("PROCESS_STATE_RUNNING", "");

        Overflows()
            .Should()
            .Equal(
                "pool everything event buffer overflowed, discarding event 0",
                "pool states event buffer overflowed, discarding event 1",
                "pool everything event buffer overflowed, discarding event 1"
            );
    }

    [Fact]
    public void An_event_nobody_subscribed_to_uses_no_serial()
    {
        Pool("ticks", bufferSize: 1, "TICK");

        _bus.Publish("PROCESS_STATE_RUNNING", "");
        _bus.Publish("TICK_5", "");
        _bus.Publish("TICK_5", "");

        Overflows().Should().Equal("pool ticks event buffer overflowed, discarding event 0");
    }

    [Fact]
    public void A_full_buffer_drops_its_oldest_event_and_keeps_the_newest()
    {
        Pool("small", bufferSize: 3, "TICK");

        for (var i = 0; i < 5; i++)
        {
            _bus.Publish("TICK_5", "");
        }

        Overflows()
            .Should()
            .Equal(
                "pool small event buffer overflowed, discarding event 0",
                "pool small event buffer overflowed, discarding event 1"
            );
    }

    [Fact]
    public void A_removed_pool_gets_nothing_more()
    {
        var pool = Pool("gone", bufferSize: 1, "TICK");
        _bus.Remove(pool);

        _bus.Publish("TICK_5", "");
        _bus.Publish("TICK_5", "");

        Overflows().Should().BeEmpty();
    }

    [Fact]
    public void Subscriptions_are_read_without_case_or_surrounding_space()
    {
        var pool = Pool("loose", bufferSize: 1, " tick ", "Process_State");

        pool.Subscriptions.Should().Equal("TICK", "PROCESS_STATE");
    }

    private EventListenerPool Pool(string name, int bufferSize, params string[] subscriptions)
    {
        var group = new ProcessGroup(
            new ProcessGroupConfig(name, 999, GroupKind.EventListener, ValueList<ProcessConfig>.Empty),
            []
        );
        var pool = new EventListenerPool(group, subscriptions, bufferSize, "supervisor", _log);
        _bus.Add(pool);
        return pool;
    }

    private List<string> Overflows() =>
        _log.Lines.Select(l => l.Message).Where(m => m.Contains("overflowed", StringComparison.Ordinal)).ToList();
}
