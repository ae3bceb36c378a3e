using System.Text;
using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Events;

/// <summary>
/// One [eventlistener:x] pool (reference §5.2–5.3): a bounded buffer of events (the oldest dropped when full) and
/// its listener processes, each speaking Supervisor's protocol on stdin/stdout: it writes "READY\n"; it is sent
/// "ver:3.0 server:… serial:… pool:… poolserial:… eventname:… len:N\n" and the payload; it answers "RESULT N\n"
/// and N bytes; "OK" consumes the event, anything else puts it back at the head. An event in flight when its
/// listener exits is put back too. Output that breaks the protocol makes the listener UNKNOWN until it restarts.
/// The pool reads the event stream as a subscriber: the events its <c>events=</c> line matches are buffered, and
/// its own listeners' PROCESS_STATE events tell it when a listener runs, restarts or dies.
/// </summary>
public sealed partial class EventListenerPool : IEventSubscriber
{
    // Guards the buffer, the pool serial and every listener's protocol state: output arrives on the output
    // reactor's thread, events on publishers' threads.
    private readonly Lock _gate = new();
    private readonly LinkedList<Buffered> _buffer = [];
    private readonly Dictionary<string, Listener> _listeners;
    private readonly int _bufferSize;
    private readonly string _identifier;
    private readonly ILogger _logger;
    private long _poolSerial;

    public EventListenerPool(string name, IEnumerable<IListenerProcess> listeners, EventSubscription subscription, int bufferSize, string identifier, ILogger logger)
    {
        Name = name;
        Subscription = subscription;
        _listeners = listeners.ToDictionary(l => l.Name, l => new Listener(l));
        _bufferSize = Math.Max(1, bufferSize);
        _identifier = identifier;
        _logger = logger;
    }

    /// <summary>The pool's name: its group's.</summary>
    public string Name { get; }

    public EventSubscription Subscription { get; }

    public void Deliver(PublishedEvent published)
    {
        lock (_gate)
        {
            if (published.Event is ProcessStateChanged change && change.Group == Name && _listeners.TryGetValue(change.Process, out var listener))
            {
                OnListenerState(listener, change.To);
            }
            if (Subscription.Matches(published.Event))
            {
                Accept(published);
            }
            Dispatch();
        }
    }

    /// <summary>A chunk of a listener's stdout, which carries its side of the protocol.</summary>
    public void OnOutput(string listenerName, byte[] data)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(listenerName, out var listener))
            {
                return;
            }
            listener.Pending.AddRange(data);
            while (Step(listener))
            {
            }
            Dispatch();
        }
    }

    private void Accept(PublishedEvent published)
    {
        if (_buffer.Count >= _bufferSize)
        {
            var dropped = _buffer.First!.Value;
            _buffer.RemoveFirst();
            LogOverflow(_logger, Name, dropped.Serial);
        }
        // Supervisor numbers an event for a pool when the pool accepts it, so a rebuffered event keeps its number.
        _buffer.AddLast(new Buffered(published.Serial, _poolSerial++, published.Event));
    }

    private void OnListenerState(Listener listener, string to)
    {
        listener.Running = to == "RUNNING";
        if (to is "STARTING" or "STOPPED" or "EXITED" or "FATAL" or "BACKOFF" or "UNKNOWN")
        {
            // A new (or dead) process starts the protocol over; an event it held goes back to the head.
            Rebuffer(listener);
            listener.State = ListenerState.Acknowledged;
            listener.Pending.Clear();
        }
    }

    private void Rebuffer(Listener listener)
    {
        if (listener.InFlight is { } held)
        {
            _buffer.AddFirst(held);
            listener.InFlight = null;
        }
    }

    private void Dispatch()
    {
        while (_buffer.First is { } next)
        {
            var listener = _listeners.Values.FirstOrDefault(l => l.State == ListenerState.Ready && l.Running);
            if (listener is null)
            {
                return;
            }
            _buffer.RemoveFirst();
            var buffered = next.Value;
            listener.State = ListenerState.Busy;
            listener.InFlight = buffered;
            var envelope = EventText.Envelope(_identifier, buffered.Serial, Name, buffered.PoolSerial, buffered.Event);
            _ = listener.Process.WriteStdinAsync(envelope, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Error, Message = "pool {Pool} event buffer overflowed, discarding event {Serial}")]
    private static partial void LogOverflow(ILogger logger, string pool, long serial);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "{Name}: has entered the UNKNOWN state and will no longer receive events, this usually indicates the process violated the eventlistener protocol")]
    private static partial void LogUnknown(ILogger logger, string name);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "{Name}: bad result line: '{Line}'")]
    private static partial void LogBadResult(ILogger logger, string name, string line);

    /// <summary>An event in this pool's buffer, with the serials it was accepted with.</summary>
    private sealed record Buffered(long Serial, long PoolSerial, SupervisorEvent Event);

    private sealed class Listener(IListenerProcess process)
    {
        public IListenerProcess Process { get; } = process;

        public ListenerState State { get; set; } = ListenerState.Acknowledged;

        /// <summary>Whether the process is RUNNING: Supervisor sends events only to running listeners.</summary>
        public bool Running { get; set; }

        public List<byte> Pending { get; } = [];

        public Buffered? InFlight { get; set; }
    }
}
