using System.Threading.Channels;
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
/// Concurrency: events (publishers' threads) and listener output (the output reactor's thread, which writes every
/// child's log) are only queued; the pool's own loop parses, dispatches and awaits each write to a listener's stdin,
/// so a slow listener never holds the reactor, and writes to one listener go out in order. Only the loop touches
/// the buffer and the listeners' protocol state.
/// </summary>
public sealed partial class EventListenerPool : IEventSubscriber, IAsyncDisposable
{
    private readonly Channel<Input> _inbox = Channel.CreateUnbounded<Input>(
        new UnboundedChannelOptions { SingleReader = true }
    );
    private readonly LinkedList<Buffered> _buffer = [];

    // Guards _incoming: the hub delivers on publishers' threads (the output reactor's for PROCESS_LOG), the loop takes.
    private readonly Lock _gate = new();
    private readonly Queue<PublishedEvent> _incoming = new();
    private readonly Dictionary<string, Listener> _listeners;
    private readonly int _bufferSize;
    private readonly string _identifier;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _poolSerial;
    private int _depth;
    private long _overflows;

    public EventListenerPool(
        string name,
        IEnumerable<IListenerProcess> listeners,
        EventSubscription subscription,
        int bufferSize,
        string identifier,
        ILogger logger
    )
    {
        Name = name;
        Subscription = subscription;
        _listeners = listeners.ToDictionary(l => l.Name, l => new Listener(l));
        _bufferSize = Math.Max(1, bufferSize);
        _identifier = identifier;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The pool's name: its group's.</summary>
    public string Name { get; }

    public EventSubscription Subscription { get; }

    /// <summary>Events waiting in the buffer after the loop's last step; read by metrics.</summary>
    public int BufferDepth => Volatile.Read(ref _depth);

    /// <summary>The buffer's size (buffer_size=).</summary>
    public int BufferCapacity => _bufferSize;

    /// <summary>Events dropped because the buffer was full; read by metrics.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    public void Deliver(PublishedEvent published)
    {
        // _listeners' keys never change, so this check is safe off the loop; everything else happens on it.
        var ownState =
            published.Event is ProcessStateChanged change
            && change.Group == Name
            && _listeners.ContainsKey(change.Process);
        if (ownState)
        {
            _inbox.Writer.TryWrite(new Delivered(published));
        }
        if (Subscription.Matches(published.Event))
        {
            Arrive(published);
        }
    }

    /// <summary>
    /// Queues a subscribed event for the loop. The queue holds at most buffer_size events and drops its oldest, as the
    /// buffer would once the loop gets to them: a PROCESS_LOG flood read faster than the loop writes to a listener
    /// then costs buffer_size events of memory, not the whole flood. The loop is woken once per empty-to-non-empty.
    /// </summary>
    private void Arrive(PublishedEvent published)
    {
        PublishedEvent? dropped = null;
        bool wake;
        lock (_gate)
        {
            wake = _incoming.Count == 0;
            _incoming.Enqueue(published);
            if (_incoming.Count > _bufferSize)
            {
                dropped = _incoming.Dequeue();
            }
        }
        if (dropped is not null)
        {
            Interlocked.Increment(ref _overflows);
            LogOverflow(_logger, Name, dropped.Serial);
        }
        if (wake)
        {
            _inbox.Writer.TryWrite(Arrived.Instance);
        }
    }

    /// <summary>A chunk of a listener's stdout, which carries its side of the protocol; parsed on the pool's loop.</summary>
    public void OnOutput(string listenerName, byte[] data) => _inbox.Writer.TryWrite(new Output(listenerName, data));

    /// <summary>Completes once everything queued before the call has been handled and dispatched.</summary>
    internal Task IdleAsync()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite(new Idle(idle)))
        {
            idle.TrySetResult();
        }
        return idle.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var input in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Handle(input);
                await DispatchAsync().ConfigureAwait(false);
                Volatile.Write(ref _depth, _buffer.Count);
            }
            catch (Exception exception)
            {
                // A fault in one input must not stop the pool: its listeners would never get an event again.
                LogPoolFault(_logger, Name, exception);
            }
            if (input is Idle idle)
            {
                idle.Done.TrySetResult();
            }
        }
    }

    private void Handle(Input input)
    {
        switch (input)
        {
            case Delivered { Published: var published }:
                if (
                    published.Event is ProcessStateChanged change
                    && change.Group == Name
                    && _listeners.TryGetValue(change.Process, out var own)
                )
                {
                    OnListenerState(own, change.To);
                }
                break;
            case Arrived:
                foreach (var arrived in TakeIncoming())
                {
                    Accept(arrived);
                }
                break;
            case Output output when _listeners.TryGetValue(output.Listener, out var listener):
                listener.Pending.AddRange(output.Data);
                while (Step(listener)) { }
                break;
        }
    }

    private PublishedEvent[] TakeIncoming()
    {
        lock (_gate)
        {
            var taken = _incoming.ToArray();
            _incoming.Clear();
            return taken;
        }
    }

    private void Accept(PublishedEvent published)
    {
        if (_buffer.Count >= _bufferSize)
        {
            var dropped = _buffer.First!.Value;
            _buffer.RemoveFirst();
            Interlocked.Increment(ref _overflows);
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

    /// <summary>Sends buffered events, oldest first, each to the first RUNNING and READY listener (Supervisor's order).</summary>
    private async Task DispatchAsync()
    {
        while (_buffer.First is { } next && await SendAsync(next.Value).ConfigureAwait(false))
        {
            _buffer.RemoveFirst();
        }
    }

    private async Task<bool> SendAsync(Buffered buffered)
    {
        foreach (var listener in _listeners.Values.Where(l => l.State == ListenerState.Ready && l.Running))
        {
            var envelope = EventText.Envelope(_identifier, buffered.Serial, Name, buffered.PoolSerial, buffered.Event);
            if (!await listener.Process.WriteStdinAsync(envelope, CancellationToken.None).ConfigureAwait(false))
            {
                // Supervisor's EPIPE case: the listener keeps its state, the event goes to the next one.
                LogSendFailed(_logger, buffered.Serial, listener.Process.Name);
                continue;
            }
            listener.State = ListenerState.Busy;
            listener.InFlight = buffered;
            return true;
        }
        return false;
    }

    [LoggerMessage(
        EventId = 60,
        Level = LogLevel.Error,
        Message = "pool {Pool} event buffer overflowed, discarding event {Serial}"
    )]
    private static partial void LogOverflow(ILogger logger, string pool, long serial);

    [LoggerMessage(
        EventId = 61,
        Level = LogLevel.Warning,
        Message = "{Name}: has entered the UNKNOWN state and will no longer receive events, this usually indicates the process violated the eventlistener protocol"
    )]
    private static partial void LogUnknown(ILogger logger, string name);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "{Name}: bad result line: '{Line}'")]
    private static partial void LogBadResult(ILogger logger, string name, string line);

    [LoggerMessage(
        EventId = 63,
        Level = LogLevel.Debug,
        Message = "epipe occurred while sending event {Serial} to listener {Name}, listener state unchanged"
    )]
    private static partial void LogSendFailed(ILogger logger, long serial, string name);

    [LoggerMessage(EventId = 65, Level = LogLevel.Warning, Message = "{Name}: event was rejected")]
    private static partial void LogRejected(ILogger logger, string name);

    [LoggerMessage(EventId = 64, Level = LogLevel.Error, Message = "internal error in event listener pool {Pool}")]
    private static partial void LogPoolFault(ILogger logger, string pool, Exception exception);
}
