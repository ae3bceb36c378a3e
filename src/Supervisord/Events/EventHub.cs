namespace Supervise.Supervisord.Events;

/// <summary>
/// The one stream of events: publishers (process actors, the registry, the daemon, control calls, the tick timer)
/// publish typed records, and every subscriber sees every record in the same order. Delivery happens under the
/// gate, so serials reach each subscriber in order; subscribers only queue what they get, so publishing never
/// blocks on a listener.
/// </summary>
public sealed class EventHub : IDisposable
{
    // Guards _subscribers and _serial: events come from actor threads, the tick timer and control calls.
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TickSource _ticks;
    private IEventSubscriber[] _subscribers = [];
    private long _serial;

    public EventHub(TimeProvider time)
    {
        _time = time;
        _ticks = new TickSource(time, Publish);
    }

    /// <summary>Adds a subscriber until the returned handle is disposed.</summary>
    public IDisposable Subscribe(IEventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
            ArmTicks();
        }
        return new Unsubscriber(this, subscriber);
    }

    /// <summary>An observer's queue of the stream, for WatchEvents, metrics and the web page.</summary>
    public EventFeed Watch(int capacity = 10_000)
    {
        var feed = new EventFeed(capacity);
        feed.Attach(Subscribe(feed));
        return feed;
    }

    public void Publish(SupervisorEvent published)
    {
        lock (_gate)
        {
            var numbered = _subscribers.Any(s => s.Subscription?.Matches(published) == true);
            var delivered = new PublishedEvent(numbered ? _serial++ : -1, _time.GetUtcNow(), published);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Deliver(delivered);
            }
        }
    }

    /// <summary>Stops the tick timer.</summary>
    public void Dispose() => _ticks.Dispose();

    private void Unsubscribe(IEventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
            ArmTicks();
        }
    }

    /// <summary>Arms the tick timer for the TICK periods some pool subscribes to, and disarms it when none does.</summary>
    private void ArmTicks() =>
        _ticks.Want([
            .. TickSource.Periods.Where(p => _subscribers.Any(s => s.Subscription?.Matches("TICK_" + p) == true)),
        ]);

    private sealed class Unsubscriber(EventHub hub, IEventSubscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Unsubscribe(subscriber);
            }
        }
    }
}
