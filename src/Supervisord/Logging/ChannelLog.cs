using System.Threading.Channels;

namespace Supervise.Supervisord.Logging;

/// <summary>
/// Where one channel (stdout or stderr) of one process goes: its log file (none for NONE) and any live tail
/// subscribers (tail -f, fg). Supervisor opens a named log file at the first spawn, so a program that never ran has
/// no file yet; AUTO files exist from group creation. Written only by that channel's output pump, and retried (when
/// its file fails) by the same pump's timer.
/// </summary>
public sealed partial class ChannelLog(
    string? path,
    long maxBytes,
    int backups,
    bool auto = false,
    TimeProvider? time = null
) : IDisposable
{
    // Guards _subscribers: the pump iterates while RPC handlers add and remove.
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscribers = [];
    private const int TailCapacity = 64 * 1024;
    private volatile RotatingLogFile? _file;
    private TailBuffer? _tail;
    private bool _failureReported;
    private bool _overflowReported;
    private int _reportedEpisodes;
    private readonly RetryBackoff _backoff = new(time ?? TimeProvider.System);

    /// <summary>The log file's path, or null for NONE.</summary>
    public string? Path { get; } = path;

    public RotatingLogFile? File => _file;

    /// <summary>Bytes that reached this channel's log file (0 for NONE); read-only, for metrics.</summary>
    public long BytesWritten => _file?.WrittenBytes ?? 0;

    /// <summary>Bytes this channel's log file lost to I/O failures; read-only, for metrics.</summary>
    public long BytesDropped => _file?.DroppedBytes ?? 0;

    /// <summary>
    /// Whether the file started failing or recovered since the last call, so that the writer logs each change once
    /// instead of once per dropped chunk. Called by the channel's writer after it wrote.
    /// </summary>
    public LogFileChange TakeChange()
    {
        var failing = _file?.Failing ?? false;
        var episodes = _file?.FailureEpisodes ?? 0;
        if ((failing || episodes != _reportedEpisodes) && !_failureReported)
        {
            _failureReported = true;
            _reportedEpisodes = episodes;
            return LogFileChange.Failed;
        }
        if (failing && !_overflowReported && _file!.EpisodeDroppedBytes > 0)
        {
            _overflowReported = true;
            return LogFileChange.Overflowing;
        }
        if (!failing && _failureReported)
        {
            _failureReported = _overflowReported = false;
            return LogFileChange.Recovered;
        }
        return LogFileChange.None;
    }

    /// <summary>Bytes waiting in memory for the file; read-only, for metrics.</summary>
    public long BytesHeld => _file?.HeldByteCount ?? 0;

    /// <summary>True while the file holds bytes or is closed by a failure: its writer should call <see cref="RetryIfDue"/>.</summary>
    public bool NeedsRetry => _file?.NeedsRetry ?? false;

    /// <summary>
    /// Tries the failing file again when its backoff has run out (100 ms, doubling to 2 s): recreating its directory,
    /// reopening it and writing out the held bytes. Returns <see cref="NeedsRetry"/>.
    /// </summary>
    public bool RetryIfDue()
    {
        lock (_gate)
        {
            if (_file is not { NeedsRetry: true } file)
            {
                _backoff.Reset();
                return false;
            }
            if (!_backoff.Armed)
            {
                _backoff.Failed();
            }
            else if (_backoff.Due)
            {
                if (file.Retry())
                {
                    _backoff.Failed();
                }
                else
                {
                    _backoff.Reset();
                }
            }
            return file.NeedsRetry;
        }
    }

    /// <summary>Sees every chunk written (an event listener's stdout carries its protocol).</summary>
    public Action<byte[]>? Tap { get; set; }

    /// <summary>
    /// Sees every chunk written, for PROCESS_LOG events (*_events_enabled); set at each spawn, so that it knows the pid.
    /// Null when events are off: the write path then costs one null check and floods may still be spliced.
    /// </summary>
    public Action<byte[]>? Logged { get; set; }

    /// <summary>An AUTO log: it reads as empty before the first spawn creates it (Supervisor creates it at group add).</summary>
    public bool IsAuto { get; } = auto;

    /// <summary>
    /// Opens (creating) the log file if there is one and it is not open yet; a file closed by a failure is tried again
    /// at once (its directory recreated). False when the file cannot be opened: the spawn fails, as Supervisor's does.
    /// </summary>
    public bool EnsureOpen()
    {
        if (Path is null)
        {
            return true;
        }
        lock (_gate)
        {
            if (_file is null)
            {
                _file = new RotatingLogFile(Path, maxBytes, backups, privateFile: IsAuto);
            }
            else if (!_file.IsOpen)
            {
                _file.Retry();
            }
            else
            {
                // A restart after the log directory was removed: write the new run into a recreated file at once.
                _file.DetectUnlinked();
            }
            return !_file.OpenFailed;
        }
    }

    /// <summary>Writes to the file, the in-memory tail and live subscribers, then hands the bytes to the tap.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }
        WriteLogged(data);
        if (Tap is null && Logged is null)
        {
            return;
        }
        var copy = data.ToArray();
        Tap?.Invoke(copy);
        Logged?.Invoke(copy);
    }

    private void WriteLogged(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            // Under the gate, so that a new subscriber's initial tail and its live bytes neither overlap nor miss.
            _file?.Write(data);
            if (Path is null)
            {
                (_tail ??= new TailBuffer(TailCapacity)).Append(data);
            }
            if (_subscribers.Count == 0)
            {
                return;
            }
            var copy = data.ToArray();
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(copy);
            }
        }
    }

    /// <summary>
    /// Splices waiting pipe bytes into the file while nobody needs to see them (no live tail, no listener protocol, no
    /// PROCESS_LOG events); -1 when the caller must read instead.
    /// </summary>
    public long TrySplice(int pipeFd)
    {
        lock (_gate)
        {
            return _subscribers.Count > 0 || _file is null || Tap is not null || Logged is not null
                ? -1
                : _file.SpliceFrom(pipeFd);
        }
    }

    /// <summary>For a channel without a log file: what it wrote last (up to 64 KiB), or null when it wrote nothing.</summary>
    public byte[]? TailContents()
    {
        lock (_gate)
        {
            return _tail?.Contents();
        }
    }

    /// <summary>True when `tail` has something to read: a log file, or the in-memory tail of a channel without one.</summary>
    public bool HasTail
    {
        get
        {
            lock (_gate)
            {
                return Path is not null || _tail is not null;
            }
        }
    }

    /// <summary>Closes and opens the file again (SIGUSR2); under the gate, so that no write or splice is in flight.</summary>
    public void Reopen()
    {
        lock (_gate)
        {
            _file?.Reopen();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _file?.Clear();
        }
    }

    /// <summary>The last <paramref name="initialBytes"/> of the file, then live bytes until the subscription is disposed.</summary>
    public Subscription Subscribe(long initialBytes)
    {
        var subscription = new Subscription(Unsubscribe);
        lock (_gate)
        {
            if (initialBytes > 0 && Path is not null)
            {
                subscription.Offer(LogSlices.Tail(Path, initialBytes).Data, always: true);
            }
            else if (initialBytes > 0 && _tail is not null)
            {
                var held = _tail.Contents();
                subscription.Offer(held[(int)Math.Max(0, held.Length - initialBytes)..], always: true);
            }
            _subscribers.Add(subscription);
        }
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
        }
    }
}
