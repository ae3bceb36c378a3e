namespace Supervise.Supervisord.Events;

/// <summary>A reader of the event stream: a listener pool, a WatchEvents call, and later metrics and the web page.</summary>
public interface IEventSubscriber
{
    /// <summary>
    /// A listener pool's <c>events=</c> line: the events it matches get Supervisor's serial, and a TICK type in it arms
    /// the tick timer. Null for observers, which see everything and number nothing.
    /// </summary>
    EventSubscription? Subscription { get; }

    /// <summary>Called on the publisher's thread, in serial order, under the hub's lock: it must only hand the event on.</summary>
    void Deliver(PublishedEvent published);
}
