using System.Runtime.InteropServices;
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
public sealed unsafe partial class OutputReactor : IDisposable
{
    // A flooding pipe holds 4 MiB when the daemon may exceed /proc/sys/fs/pipe-max-size (root), else its 1 MiB.
    private const int FloodPipe = 4 << 20;
    private const int FloodPipeUnprivileged = 1 << 20;
    private const int Chunk = 1 << 20;
    private const int DefaultPipe = 64 * 1024;
    private const int FloodStart = DefaultPipe / 2;
    private const int FloodFloor = 16 * 1024;

    private const ulong TickId = ulong.MaxValue;

    // Guards _sources: children are attached from the process actors; everything else is reactor-thread only.
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, Source> _sources = [];
    private readonly List<Source> _floods = [];
    private readonly byte[] _buffer = new byte[Chunk];
    private readonly EpollSet _set = new();
    private readonly int _tickFd;
    private ulong _lastId;
    private long _wakeups;
    private volatile bool _disposed;

    /// <summary>Events the reactor has handled (a diagnostic: a quiet reactor does not count up).</summary>
    internal long Wakeups => Interlocked.Read(ref _wakeups);

    public OutputReactor()
    {
        _tickFd = Libc.timerfd_create(Libc.CLOCK_MONOTONIC, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        _set.Add(_tickFd, TickId);
        new Thread(Run) { IsBackground = true, Name = "output" }.Start();
    }

    /// <summary>
    /// Copies the pipe <paramref name="fd"/> (which the reactor now owns) into <paramref name="log"/> until every
    /// writer has closed it; the task completes then, after the fd is closed.
    /// </summary>
    /// <param name="stripAnsi">Remove ANSI escape sequences before logging (strip_ansi).</param>
    public Task Attach(int fd, ChannelLog log, bool stripAnsi = false)
    {
        Pipes.SetNonBlocking(fd);
        var source = new Source(fd, log, stripAnsi ? new AnsiStripper(log) : null);
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
                    ulong expirations;
                    Libc.read(_tickFd, &expirations, sizeof(ulong));
                    DrainFloods();
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
            source.Capacity = Pipes.TryGrow(source.Fd, FloodPipe) ? FloodPipe
                : Pipes.TryGrow(source.Fd, FloodPipeUnprivileged) ? FloodPipeUnprivileged
                : DefaultPipe;
            _floods.Add(source);
            SetClock();
        }
    }

    /// <summary>One read into the shared buffer, delivered to the log: bytes read, 0 at end of file, -1 when none wait.</summary>
    private long Read(Source source)
    {
        nint read;
        fixed (byte* buffer = _buffer)
        {
            read = Libc.read(source.Fd, buffer, _buffer.Length);
        }
        if (read < 0)
        {
            // EAGAIN: nothing yet. Anything else (EIO, EBADF) ends the stream like end of file.
            return Marshal.GetLastPInvokeError() is Libc.EAGAIN or Libc.EINTR ? -1 : 0;
        }
        if (read > 0)
        {
            try
            {
                source.Deliver(_buffer.AsSpan(0, (int)read));
            }
            catch (Exception exception)
            {
                // A tap (the event listener protocol) failed: the reactor must go on for every other child.
                Console.Error.WriteLine($"output: delivering child output failed: {exception.Message}");
            }
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
        source.Stripper?.Flush();
        source.Done.TrySetResult();
    }
}
