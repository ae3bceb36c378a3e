using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

public sealed class EventHubSpecs
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    [Fact]
    public void Only_events_some_pool_subscribes_to_take_a_serial()
    {
        var hub = new EventHub(_time);
        var pool = new Recorder(new EventSubscription(["PROCESS_GROUP"]));
        using var _ = hub.Subscribe(pool);

        hub.Publish(new ProcessGroupAdded("a"));
        hub.Publish(new RemoteCommunication("t", "d"));
        hub.Publish(new ProcessGroupRemoved("a"));

        pool.Seen.Select(p => p.Serial).Should().Equal(0, -1, 1);
    }

    [Fact]
    public void An_observer_sees_every_event_in_order_until_it_leaves()
    {
        var hub = new EventHub(_time);
        var feed = hub.Watch();
        hub.Publish(new ProcessGroupAdded("a"));
        hub.Publish(new SupervisorStateChanged(SupervisorPhase.Stopping));
        feed.Dispose();
        hub.Publish(new ProcessGroupRemoved("a"));

        var seen = new List<SupervisorEvent>();
        while (feed.Reader.TryRead(out var published))
        {
            seen.Add(published.Event);
        }

        seen.Should().Equal(new ProcessGroupAdded("a"), new SupervisorStateChanged(SupervisorPhase.Stopping));
    }

    [Fact]
    public void A_published_event_is_stamped_with_the_hubs_clock()
    {
        var hub = new EventHub(_time);
        var observer = new Recorder(null);
        using var _ = hub.Subscribe(observer);
        _time.Advance(TimeSpan.FromSeconds(3));

        hub.Publish(new ProcessGroupAdded("a"));

        observer.Seen.Single().At.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1_800_000_003));
    }

    internal sealed class Recorder(EventSubscription? subscription) : IEventSubscriber
    {
        public List<PublishedEvent> Seen { get; } = [];

        public EventSubscription? Subscription => subscription;

        public void Deliver(PublishedEvent published) => Seen.Add(published);
    }
}
