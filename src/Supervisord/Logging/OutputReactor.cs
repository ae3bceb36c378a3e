using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Logging;

/// <summary>
/// Reads every child's stdout and stderr on one dedicated thread and writes the bytes, untouched, into their channel
/// logs. Pipes sit in one level-triggered epoll set: a child that writes a line costs one wake-up, one read into a
/// shared buffer and one write to its log, with no thread-pool hop, and a thousand quiet children cost nothing.
/// </summary>
/// <remarks>
/// A read of half a default pipe or more means the child writes faster than it is read: it is flooding. Waking on
/// readiness would then cost one wake-up per write of the child (a few KiB each), so a flooding pipe leaves the epoll
/// set, is grown to 4 MiB (1 MiB without CAP_SYS_RESOURCE), and is drained on a clock instead (a timerfd in the same
/// set, ticking in the time the pipe takes to fill at 2 GB/s): at each tick, whatever accumulated is moved in a few
/// system calls, spliced from the pipe into the log file when nobody tails live, so the child does not block. A
/// drain that finds less than <see cref="FloodFloor"/> ends the flood; the pipe shrinks back and rejoins the set.
/// </remarks>
public sealed partial class OutputReactor : IDisposable
{
    // A flooding pipe holds 4 MiB when the daemon may exceed /proc/sys/fs/pipe-max-size (root), else its 1 MiB.
    private const int FloodPipe = 4 << 20;
    private const int FloodPipeUnprivileged = 1 << 20;
    private const int Chunk = 1 << 20;
    private const int DefaultPipe = 64 * 1024;
    private const int FloodStart = DefaultPipe / 2;
    private const int FloodFloor = 16 * 1024;

    private const ulong TickId = ulong.MaxValue;
    private const ulong RetryId = ulong.MaxValue - 1;

    // The retry clock's period while some log holds bytes; each log's own backoff decides whether it retries at a tick.
    private const long RetryPeriodNanoseconds = 50_000_000;

    // Guards _sources: children are attached from the process actors; everything else is reactor-thread only.
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, Source> _sources = [];
    private readonly List<Source> _floods = [];
    private readonly byte[] _buffer = new byte[Chunk];
    private readonly EpollSet _set = new();
    private readonly TimerFd _tick = new();
    private readonly TimerFd _retry = new();
    private readonly HashSet<ChannelLog> _holding = [];
    private ulong _lastId;
    private long _wakeups;
    private volatile bool _disposed;
    private volatile ILogger _logger = NullLogger.Instance;

    /// <summary>The main log; set by the composition root each time it opens one (the reactor outlives a reload).</summary>
    public ILogger Logger
    {
        get => _logger;
        set => _logger = value;
    }

    /// <summary>Events the reactor has handled (a diagnostic: a quiet reactor does not count up).</summary>
    internal long Wakeups => Interlocked.Read(ref _wakeups);

    public OutputReactor()
    {
        _set.Add(_tick.Fd, TickId);
        _set.Add(_retry.Fd, RetryId);
        new Thread(Run) { IsBackground = true, Name = "output" }.Start();
    }

    /// <summary>
    /// Copies the pipe <paramref name="fd"/> (which the reactor now owns) into <paramref name="log"/> until every
    /// writer has closed it; the task completes then, after the fd is closed.
    /// </summary>
    /// <param name="stripAnsi">Remove ANSI escape sequences before logging (strip_ansi).</param>
    /// <param name="captureMaxBytes">Capture mode's block bound (*_capture_maxbytes); 0 for no capture mode.</param>
    /// <param name="captured">Called on the reactor thread with each finished capture block.</param>
    public Task Attach(
        int fd,
        ChannelLog log,
        bool stripAnsi = false,
        long captureMaxBytes = 0,
        Action<byte[]>? captured = null
    )
    {
        Pipes.SetNonBlocking(fd);
        var source = new Source(fd, log, stripAnsi, captureMaxBytes, captured);
        lock (_gate)
        {
            source.Id = ++_lastId;
            _sources[source.Id] = source;
        }
        _set.Add(fd, source.Id);
        return source.Done.Task;
    }

    public void Dispose()
    {
        _disposed = true;
        _set.Wake();
    }

    private void Run()
    {
        Span<ulong> ids = stackalloc ulong[64];
        while (!_disposed)
        {
            var ready = _set.Wait(ids);
            Interlocked.Add(ref _wakeups, Math.Max(0, ready));
            for (var i = 0; i < ready; i++)
            {
                if (ids[i] == TickId)
                {
                    _tick.Acknowledge();
                    DrainFloods();
                }
                else if (ids[i] == RetryId)
                {
                    _retry.Acknowledge();
                    RetryHolding();
                }
                else if (Find(ids[i]) is { } source)
                {
                    OnReadable(source);
                }
            }
        }
    }

    private Source? Find(ulong id)
    {
        lock (_gate)
        {
            return _sources.GetValueOrDefault(id);
        }
    }

    private void OnReadable(Source source)
    {
        var read = Read(source);
        if (read == 0)
        {
            Close(source);
        }
        else if (read >= FloodStart)
        {
            _set.Remove(source.Fd);
            source.Capacity =
                Pipes.TryGrow(source.Fd, FloodPipe) ? FloodPipe
                : Pipes.TryGrow(source.Fd, FloodPipeUnprivileged) ? FloodPipeUnprivileged
                : DefaultPipe;
            _floods.Add(source);
            SetClock();
        }
    }

    /// <summary>One read into the shared buffer, delivered to the log: bytes read, 0 at end of file, -1 when none wait.</summary>
    private long Read(Source source)
    {
        // -1: nothing yet (EAGAIN). 0: end of file, or an error (EIO, EBADF) that ends the stream the same way.
        var read = Pipes.Read(source.Fd, _buffer);
        if (read > 0)
        {
            try
            {
                source.Deliver(_buffer.AsSpan(0, read));
            }
            catch (Exception exception)
            {
                // A tap (the event listener protocol) failed: the reactor must go on for every other child.
                LogDeliveryFailed(_logger, exception.Message);
            }
            ReportLogFile(source.Log);
        }
        return read;
    }

    private void Close(Source source)
    {
        lock (_gate)
        {
            _sources.Remove(source.Id);
        }
        _set.RemoveAndClose(source.Fd);
        try
        {
            source.Flush();
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(_logger, exception.Message);
        }
        source.Done.TrySetResult();
    }

    /// <summary>
    /// Says once in the main log that a child's log file started failing, once that its hold buffer overflowed, and
    /// once that it recovered (with what the episode dropped); a log that holds bytes joins the retry clock.
    /// </summary>
    private void ReportLogFile(ChannelLog log)
    {
        LogFileChange change;
        while ((change = log.TakeChange()) != LogFileChange.None)
        {
            var file = log.File;
            switch (change)
            {
                case LogFileChange.Failed:
                    LogFileFailing(_logger, log.Path ?? "", file?.LastError ?? "", file?.HoldCapacity ?? 0);
                    break;
                case LogFileChange.Overflowing:
                    LogFileOverflowing(_logger, log.Path ?? "", file?.HoldCapacity ?? 0);
                    break;
                case LogFileChange.Recovered:
                    LogFileRecovered(_logger, log.Path ?? "", file?.EpisodeDroppedBytes ?? 0);
                    break;
            }
        }
        if (log.NeedsRetry && _holding.Add(log) && _holding.Count == 1)
        {
            _retry.SetPeriod(RetryPeriodNanoseconds);
        }
    }

    /// <summary>At each retry tick: every holding log whose backoff ran out tries its file again.</summary>
    private void RetryHolding()
    {
        foreach (var log in _holding.ToArray())
        {
            var holding = log.RetryIfDue();
            ReportLogFile(log);
            if (!holding)
            {
                _holding.Remove(log);
            }
        }
        if (_holding.Count == 0)
        {
            _retry.SetPeriod(0);
        }
    }

    [LoggerMessage(
        EventId = LogEventIds.OutputDeliveryFailed,
        Level = LogLevel.Error,
        Message = "output: delivering child output failed: {Reason}"
    )]
    private static partial void LogDeliveryFailed(ILogger logger, string reason);

    [LoggerMessage(
        EventId = LogEventIds.LogFileFailing,
        Level = LogLevel.Error,
        Message = "could not write to log file {Path}: {Reason}; output is held in memory (up to {Capacity} bytes) and written when the file works again"
    )]
    private static partial void LogFileFailing(ILogger logger, string path, string reason, long capacity);

    [LoggerMessage(
        EventId = LogEventIds.LogFileOverflowing,
        Level = LogLevel.Error,
        Message = "log file {Path} still fails and {Capacity} bytes are held: the oldest held output is being dropped"
    )]
    private static partial void LogFileOverflowing(ILogger logger, string path, long capacity);

    [LoggerMessage(
        EventId = LogEventIds.LogFileRecovered,
        Level = LogLevel.Warning,
        Message = "log file {Path} is written again; {Dropped} bytes were dropped while it failed"
    )]
    private static partial void LogFileRecovered(ILogger logger, string path, long dropped);
}
