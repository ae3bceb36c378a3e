using System.Text;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Events;

/// <summary>
/// One [eventlistener:x] pool (reference §5.2–5.3): a bounded buffer of events (the oldest dropped when full) and
/// its listener processes, each speaking Supervisor's protocol on stdin/stdout: it writes "READY\n"; it is sent
/// "ver:3.0 server:… serial:… pool:… poolserial:… eventname:… len:N\n" and the payload; it answers "RESULT N\n"
/// and N bytes; "OK" consumes the event, anything else puts it back at the head. An event in flight when its
/// listener exits is put back too. Output that breaks the protocol makes the listener UNKNOWN until it restarts.
/// </summary>
public sealed partial class EventListenerPool
{
    // Guards the buffer, the pool serial and every listener's protocol state: output arrives on pump threads,
    // events on actor threads.
    private readonly Lock _gate = new();
    private readonly LinkedList<SupervisorEvent> _buffer = [];
    private readonly Dictionary<SupervisedProcess, Listener> _listeners = [];
    private readonly int _bufferSize;
    private readonly string _identifier;
    private readonly ILogger _logger;
    private long _poolSerial;

    public EventListenerPool(ProcessGroup group, IReadOnlyList<string> subscriptions, int bufferSize, string identifier, ILogger logger)
    {
        Name = group.Name;
        Subscriptions = subscriptions.Select(s => s.Trim().ToUpperInvariant()).ToList();
        _bufferSize = Math.Max(1, bufferSize);
        _identifier = identifier;
        _logger = logger;
        foreach (var process in group.Processes)
        {
            var listener = new Listener(process);
            _listeners[process] = listener;
            process.Stdout.Tap = data => OnOutput(listener, data);
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Subscriptions { get; }

    public void Enqueue(SupervisorEvent published)
    {
        lock (_gate)
        {
            if (_buffer.Count >= _bufferSize)
            {
                var dropped = _buffer.First!.Value;
                _buffer.RemoveFirst();
                LogOverflow(_logger, Name, dropped.Serial);
            }
            _buffer.AddLast(published);
            Dispatch();
        }
    }

    /// <summary>Called on every state change of one of this pool's listeners.</summary>
    public void OnStateChanged(SupervisedProcess process, StateChanged change)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(process, out var listener))
            {
                return;
            }
            if (change.To == ProcessState.Starting || !change.To.IsSignallable())
            {
                // A new (or dead) process starts the protocol over; an event it held goes back to the head.
                Rebuffer(listener);
                listener.State = ListenerState.Acknowledged;
                listener.Pending.Clear();
            }
            Dispatch();
        }
    }

    private void OnOutput(Listener listener, byte[] data)
    {
        lock (_gate)
        {
            listener.Pending.AddRange(data);
            while (Step(listener))
            {
            }
            Dispatch();
        }
    }

    /// <summary>Consumes one protocol element from the listener's pending output; false when more is needed.</summary>
    private bool Step(Listener listener)
    {
        var pending = listener.Pending;
        switch (listener.State)
        {
            case ListenerState.Acknowledged when pending.Count >= 6:
                if (Encoding.ASCII.GetString(pending.GetRange(0, 6).ToArray()) == "READY\n")
                {
                    pending.RemoveRange(0, 6);
                    listener.State = ListenerState.Ready;
                    return true;
                }
                return ProtocolError(listener);
            case ListenerState.Ready when pending.Count > 0:
                return ProtocolError(listener);
            case ListenerState.Busy:
                var newline = pending.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    return false;
                }
                var line = Encoding.ASCII.GetString(pending.GetRange(0, newline).ToArray());
                if (!line.StartsWith("RESULT ", StringComparison.Ordinal) || !int.TryParse(line[7..], out var length) || length < 0)
                {
                    LogBadResult(_logger, listener.Process.Name, line);
                    return ProtocolError(listener);
                }
                if (pending.Count < newline + 1 + length)
                {
                    return false;
                }
                var result = Encoding.UTF8.GetString(pending.GetRange(newline + 1, length).ToArray());
                pending.RemoveRange(0, newline + 1 + length);
                if (result != "OK")
                {
                    Rebuffer(listener);
                }
                listener.InFlight = null;
                listener.State = ListenerState.Acknowledged;
                return true;
            default:
                pending.Clear();
                return false;
        }
    }

    private bool ProtocolError(Listener listener)
    {
        Rebuffer(listener);
        listener.State = ListenerState.Unknown;
        listener.Pending.Clear();
        LogUnknown(_logger, listener.Process.Name);
        return false;
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
            var listener = _listeners.Values.FirstOrDefault(l => l.State == ListenerState.Ready && l.Process.Current.State == ProcessState.Running);
            if (listener is null)
            {
                return;
            }
            _buffer.RemoveFirst();
            var published = next.Value;
            var payload = Encoding.UTF8.GetBytes(published.Payload);
            var header = $"ver:3.0 server:{_identifier} serial:{published.Serial} pool:{Name} poolserial:{_poolSerial++} eventname:{published.Name} len:{payload.Length}\n";
            listener.State = ListenerState.Busy;
            listener.InFlight = published;
            _ = listener.Process.WriteStdinAsync(Encoding.UTF8.GetBytes(header).Concat(payload).ToArray(), CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Error, Message = "pool {Pool} event buffer overflowed, discarding event {Serial}")]
    private static partial void LogOverflow(ILogger logger, string pool, long serial);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "{Name}: has entered the UNKNOWN state and will no longer receive events, this usually indicates the process violated the eventlistener protocol")]
    private static partial void LogUnknown(ILogger logger, string name);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "{Name}: bad result line: '{Line}'")]
    private static partial void LogBadResult(ILogger logger, string name, string line);

    private sealed class Listener(SupervisedProcess process)
    {
        public SupervisedProcess Process { get; } = process;

        public ListenerState State { get; set; } = ListenerState.Acknowledged;

        public List<byte> Pending { get; } = [];

        public SupervisorEvent? InFlight { get; set; }
    }
}
