using System.Diagnostics;
using System.Runtime.InteropServices;
using Supervise.Supervisord.Spawning.Native;

namespace Supervise.Supervisord.Logging;

/// <summary>
/// Reads every child's stdout and stderr on one dedicated thread and writes the bytes, untouched, into their channel
/// logs. Pipes sit in one level-triggered epoll set: a child that writes a line costs one wake-up, one read into a
/// shared buffer and one write to its log, with no thread-pool hop, and a thousand quiet children cost nothing.
/// </summary>
/// <remarks>
/// A read of half a default pipe or more means the child writes faster than it is read: it is flooding. Waking on
/// readiness would then cost one wake-up per write of the child (a few KiB each), so a flooding pipe leaves the epoll
/// set, is grown to 1 MiB, and is drained on a clock instead: every <see cref="TickMilliseconds"/> ms, whatever
/// accumulated is moved in one system call, spliced from the pipe into the log file when nobody tails live. The child
/// does not block while it writes less than 1 MiB per tick. A drain that finds less than <see cref="FloodFloor"/>
/// ends the flood; the pipe shrinks back and rejoins the set.
/// </remarks>
public sealed unsafe class OutputReactor : IDisposable
{
    private const int FloodPipe = 1 << 20;
    private const int DefaultPipe = 64 * 1024;
    private const int FloodStart = DefaultPipe / 2;
    private const int FloodFloor = 16 * 1024;
    private const int TickMilliseconds = 1;

    // Guards _sources: children are attached from the process actors; everything else is reactor-thread only.
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, Source> _sources = [];
    private readonly List<Source> _floods = [];
    private readonly byte[] _buffer = new byte[FloodPipe];
    private readonly int _epollFd;
    private readonly int _wakeFd;
    private ulong _lastId;
    private volatile bool _disposed;

    public OutputReactor()
    {
        _epollFd = Libc.epoll_create1(Libc.O_CLOEXEC);
        _wakeFd = Libc.eventfd(0, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        Register(_wakeFd, 0);
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
        Register(fd, source.Id);
        return source.Done.Task;
    }

    public void Dispose()
    {
        _disposed = true;
        ulong one = 1;
        Libc.write(_wakeFd, &one, sizeof(ulong));
    }

    private void Register(int fd, ulong id)
    {
        var registration = new Libc.EpollEvent { Events = Libc.EPOLLIN, Data = id };
        Libc.epoll_ctl(_epollFd, Libc.EPOLL_CTL_ADD, fd, &registration);
    }

    private void Run()
    {
        const int batch = 64;
        var events = stackalloc Libc.EpollEvent[batch];
        var tick = Stopwatch.Frequency * TickMilliseconds / 1000;
        var nextTick = 0L;
        while (!_disposed)
        {
            var timeout = -1;
            if (_floods.Count > 0)
            {
                var wait = nextTick - Stopwatch.GetTimestamp();
                timeout = wait <= 0 ? 0 : (int)Math.Max(1, wait * 1000 / Stopwatch.Frequency);
            }
            var ready = Libc.epoll_wait(_epollFd, events, batch, timeout);
            for (var i = 0; i < ready; i++)
            {
                if (events[i].Data == 0)
                {
                    ulong drained;
                    Libc.read(_wakeFd, &drained, sizeof(ulong));
                }
                else if (Find(events[i].Data) is { } source)
                {
                    OnReadable(source);
                }
            }
            if (_floods.Count > 0 && Stopwatch.GetTimestamp() >= nextTick)
            {
                DrainFloods();
                nextTick = Stopwatch.GetTimestamp() + tick;
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
            Libc.epoll_ctl(_epollFd, Libc.EPOLL_CTL_DEL, source.Fd, null);
            Pipes.TryGrow(source.Fd, FloodPipe);
            _floods.Add(source);
        }
    }

    private void DrainFloods()
    {
        for (var i = _floods.Count - 1; i >= 0; i--)
        {
            var source = _floods[i];
            var drained = Drain(source, out var atEnd);
            if (atEnd)
            {
                _floods.RemoveAt(i);
                Close(source);
            }
            else if (drained < FloodFloor)
            {
                _floods.RemoveAt(i);
                Pipes.TryGrow(source.Fd, DefaultPipe);
                Register(source.Fd, source.Id);
            }
        }
    }

    /// <summary>Moves what a flooding pipe holds now: spliced into the log file when possible, read otherwise.</summary>
    private long Drain(Source source, out bool atEnd)
    {
        atEnd = false;
        long drained = 0;
        while (source.Stripper is null)
        {
            var moved = source.Log.TrySplice(source.Fd);
            if (moved < 0)
            {
                break;
            }
            drained += moved;
            if (moved < FloodPipe)
            {
                // Empty and at end of file look alike here; a pipe at its end rejoins the set and reads 0 there.
                return drained;
            }
        }
        long read;
        while ((read = Read(source)) > 0)
        {
            drained += read;
            if (read < _buffer.Length)
            {
                return drained;
            }
        }
        atEnd = read == 0;
        return drained;
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
        // Closing the only descriptor of the pipe's read end also removes it from the epoll set.
        Libc.close(source.Fd);
        source.Stripper?.Flush();
        source.Done.TrySetResult();
    }

    private sealed class Source(int fd, ChannelLog log, AnsiStripper? stripper)
    {
        public ulong Id { get; set; }

        public int Fd { get; } = fd;

        public ChannelLog Log { get; } = log;

        public AnsiStripper? Stripper { get; } = stripper;

        public void Deliver(Span<byte> chunk)
        {
            if (Stripper is null)
            {
                Log.Write(chunk);
            }
            else
            {
                Stripper.Write(chunk);
            }
        }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
