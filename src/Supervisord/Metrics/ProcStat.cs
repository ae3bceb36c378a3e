using System.Buffers.Text;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// CPU time, resident memory and thread count of one process, from /proc/PID/stat (proc(5)), read at the moment
/// of the call. The times in that file are in USER_HZ, which the kernel fixes at 100 for user space on every
/// architecture (it is what sysconf(_SC_CLK_TCK) answers), so no interop is needed to learn it.
/// </summary>
public readonly record struct ProcStat(double CpuSeconds, long ResidentBytes, int Threads)
{
    private const double TicksPerSecond = 100;

    // Fields after "pid (comm) ", counted from 0 at field 3 (state): utime is field 14, stime 15, num_threads 20, rss 24.
    private const int UtimeIndex = 11;
    private const int StimeIndex = 12;
    private const int ThreadsIndex = 17;
    private const int RssIndex = 21;

    /// <summary>The process's figures, or null when it does not exist (any more).</summary>
    public static ProcStat? Of(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }
        Span<byte> path = stackalloc byte[32];
        "/proc/"u8.CopyTo(path);
        Utf8Formatter.TryFormat(pid, path[6..], out var digits);
        "/stat\0"u8.CopyTo(path[(6 + digits)..]);
        return Read(path);
    }

    /// <summary>The daemon's own figures.</summary>
    public static ProcStat? Self() => Read("/proc/self/stat\0"u8);

    private static ProcStat? Read(ReadOnlySpan<byte> path)
    {
        Span<byte> buffer = stackalloc byte[1024];
        var length = ProcFile.Read(path, buffer);
        return length <= 0 ? null : Parse(buffer[..length]);
    }

    /// <summary>Parses the text of a stat file; the command name may hold spaces and parentheses, so fields start after the last ')'.</summary>
    public static ProcStat? Parse(ReadOnlySpan<byte> stat)
    {
        var close = stat.LastIndexOf((byte)')');
        if (close < 0 || close + 2 > stat.Length)
        {
            return null;
        }
        var rest = stat[(close + 2)..];
        long utime = 0,
            stime = 0,
            threads = 0,
            rss = 0;
        for (var index = 0; index <= RssIndex && !rest.IsEmpty; index++)
        {
            var space = rest.IndexOf((byte)' ');
            var field = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            switch (index)
            {
                case UtimeIndex:
                    Utf8Parser.TryParse(field, out utime, out _);
                    break;
                case StimeIndex:
                    Utf8Parser.TryParse(field, out stime, out _);
                    break;
                case ThreadsIndex:
                    Utf8Parser.TryParse(field, out threads, out _);
                    break;
                case RssIndex:
                    Utf8Parser.TryParse(field, out rss, out _);
                    break;
            }
        }
        return new ProcStat((utime + stime) / TicksPerSecond, rss * Environment.SystemPageSize, (int)threads);
    }
}
