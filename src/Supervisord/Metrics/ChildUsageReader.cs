using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// The running children's CPU and memory for a scrape, at two syscalls a child: clock_gettime on the child's CPU-time
/// clock (<see cref="CpuClock"/>), and one pread of its /proc/PID/statm through a descriptor kept open from one scrape
/// to the next. Reading /proc/PID/stat instead took an open (a path walk), a read that formats 52 fields and takes the
/// child's locks, and a close: about 15 µs a child, most of a scrape at 1000 children; this takes about 1 µs.
/// <para>
/// Descriptors: at most one per running child, opened by the first scrape that sees the child and closed by the first
/// that no longer does (it exited, or its group was removed), so an exited child's descriptor lives until the next
/// scrape. They are kept only while the daemon's open descriptors stay under half its RLIMIT_NOFILE soft limit (which
/// minfds raises); past that, statm is opened and closed for each read. A kept descriptor is tied to the process, not
/// to its pid number: once the child is reaped it fails with ESRCH, even when the pid has been reused, and is reopened.
/// </para>
/// Descriptors and pids belong to the whole process, so the daemon has one reader, <see cref="Shared"/>; scrapes take
/// turns in it (a thousand children take about a millisecond).
/// </summary>
public sealed class ChildUsageReader : IDisposable
{
    public static ChildUsageReader Shared { get; } = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<int, Kept> _kept = [];
    private readonly List<int> _gone = [];
    private int _scrape;
    private bool _disposed;

    /// <summary>How many statm descriptors are kept open now.</summary>
    public int KeptDescriptors
    {
        get
        {
            lock (_gate)
            {
                return _kept.Count;
            }
        }
    }

    /// <summary>
    /// Reads each pid's usage into the same index of <paramref name="into"/>: null for a pid of 0 or a process that is
    /// gone. Descriptors of pids that were kept and are not in <paramref name="pids"/> any more are closed.
    /// </summary>
    public void Read(ReadOnlySpan<int> pids, Span<ChildUsage?> into)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var scrape = ++_scrape;
            var room = Room();
            for (var i = 0; i < pids.Length; i++)
            {
                into[i] = Of(pids[i], scrape, ref room);
            }
            Sweep(scrape);
        }
    }

    /// <summary>The resident set in bytes from the text of a statm file (size resident shared text lib data dt, in pages).</summary>
    public static long ParseResidentBytes(ReadOnlySpan<byte> statm)
    {
        var space = statm.IndexOf((byte)' ');
        if (space < 0 || !Utf8Parser.TryParse(statm[(space + 1)..], out long pages, out _))
        {
            return 0;
        }
        return pages * Environment.SystemPageSize;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var kept in _kept.Values)
            {
                ProcFile.Close(kept.Fd);
            }
            _kept.Clear();
        }
    }

    private ChildUsage? Of(int pid, int scrape, ref int room)
    {
        var nanoseconds = CpuClock.ProcessNanoseconds(pid);
        if (nanoseconds < 0)
        {
            return null;
        }
        return new ChildUsage(nanoseconds / 1e9, Resident(pid, scrape, ref room));
    }

    private long Resident(int pid, int scrape, ref int room)
    {
        Span<byte> text = stackalloc byte[128];
        ref var kept = ref CollectionsMarshal.GetValueRefOrNullRef(_kept, pid);
        if (!Unsafe.IsNullRef(ref kept))
        {
            var read = ProcFile.ReadAt(kept.Fd, text);
            if (read > 0)
            {
                kept.Seen = scrape;
                return ParseResidentBytes(text[..read]);
            }
            // The process it was opened on is reaped; the pid may be a new child's now.
            ProcFile.Close(kept.Fd);
            _kept.Remove(pid);
            room++;
        }
        Span<byte> path = stackalloc byte[32];
        "/proc/"u8.CopyTo(path);
        Utf8Formatter.TryFormat(pid, path[6..], out var digits);
        "/statm\0"u8.CopyTo(path[(6 + digits)..]);
        var fd = ProcFile.Open(path);
        if (fd < 0)
        {
            return 0;
        }
        var length = ProcFile.ReadAt(fd, text);
        if (length > 0 && room > 0)
        {
            _kept[pid] = new Kept { Fd = fd, Seen = scrape };
            room--;
        }
        else
        {
            ProcFile.Close(fd);
        }
        return length > 0 ? ParseResidentBytes(text[..length]) : 0;
    }

    private void Sweep(int scrape)
    {
        foreach (var (pid, kept) in _kept)
        {
            if (kept.Seen != scrape)
            {
                _gone.Add(pid);
            }
        }
        foreach (var pid in _gone)
        {
            ProcFile.Close(_kept[pid].Fd);
            _kept.Remove(pid);
        }
        _gone.Clear();
    }

    /// <summary>How many more descriptors this scrape may keep: up to half the soft limit, counting every open one.</summary>
    private static int Room()
    {
        var half = ResourceLimits.SoftLimit(ResourceLimits.Resource.OpenFiles) / 2;
        var open = (ulong)OpenFds.Count();
        return open >= half ? 0 : (int)Math.Min(half - open, int.MaxValue);
    }

    private struct Kept
    {
        public int Fd;
        public int Seen;
    }
}
