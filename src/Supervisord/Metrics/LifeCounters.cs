using System.Collections.Concurrent;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// Spawns, exits, backoffs and fatals of every process, counted from the typed event stream rather than by polling,
/// so that a crash between two scrapes is still counted. An observer (no subscription line): it sees every event and
/// numbers none. Counters of a removed group are dropped with it, as its series disappear.
/// </summary>
public sealed class LifeCounters : IEventSubscriber
{
    private readonly ConcurrentDictionary<(string Group, string Name), ProcessCounters> _counters = new();

    public EventSubscription? Subscription => null;

    /// <summary>On the publisher's thread under the hub's lock: a dictionary lookup and an interlocked increment.</summary>
    public void Deliver(PublishedEvent published)
    {
        switch (published.Event)
        {
            case ProcessStateChanged change:
                _counters
                    .GetOrAdd((change.Group, change.Process), static _ => new ProcessCounters())
                    .Count(change.To, change.Expected);
                break;
            case ProcessGroupRemoved removed:
                foreach (var key in _counters.Keys.Where(k => k.Group == removed.Group))
                {
                    _counters.TryRemove(key, out _);
                }
                break;
        }
    }

    /// <summary>The process's counters, or null when it has not changed state yet (all zero).</summary>
    public ProcessCounters? Of(string group, string name) => _counters.GetValueOrDefault((group, name));
}
