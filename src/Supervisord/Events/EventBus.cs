namespace Supervise.Supervisord.Events;

/// <summary>
/// Delivers every event to the listener pools subscribed to its type, numbering events with one global serial.
/// Publishing never blocks: pools buffer, and dispatch to listeners happens as they report READY.
/// </summary>
public sealed class EventBus
{
    // Guards _pools and the serial: events come from actor threads, pools are added and removed by the control plane.
    private readonly Lock _gate = new();
    private readonly List<EventListenerPool> _pools = [];
    private long _serial;

    public void Add(EventListenerPool pool)
    {
        lock (_gate)
        {
            _pools.Add(pool);
        }
    }

    public void Remove(EventListenerPool pool)
    {
        lock (_gate)
        {
            _pools.Remove(pool);
        }
    }

    public void Publish(string name, string payload)
    {
        List<EventListenerPool> targets;
        SupervisorEvent published;
        lock (_gate)
        {
            targets = _pools.Where(p => EventNames.Matches(p.Subscriptions, name)).ToList();
            if (targets.Count == 0)
            {
                return;
            }
            published = new SupervisorEvent(_serial++, name, payload);
        }
        foreach (var pool in targets)
        {
            pool.Enqueue(published);
        }
    }
}
