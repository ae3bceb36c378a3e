namespace Supervise.Supervisord.Platform;

/// <summary>
/// Another process's CPU time through its CPU-time clock (clock_getcpuclockid(3)): one clock_gettime(2), no /proc
/// file to open or format. The clock is the whole thread group's scheduler runtime (user + system, nanoseconds),
/// which is the total that /proc/PID/stat's utime + stime are scaled from.
/// </summary>
public static unsafe class CpuClock
{
    // include/linux/posix-timers.h: MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED) = (~pid << 3) | 2.
    private const int CpuClockSched = 2;

    // PID_MAX_LIMIT on 64-bit: no pid is larger, and a larger number would shift out of the clock id (into another clock).
    private const int PidMaxLimit = 4 * 1024 * 1024;

    /// <returns>The process's CPU time in nanoseconds, or -1 when there is no such process (any more).</returns>
    public static long ProcessNanoseconds(int pid)
    {
        if (pid is <= 0 or > PidMaxLimit)
        {
            return -1;
        }
        Libc.TimeSpec time;
        var clock = (int)((uint)~pid << 3) | CpuClockSched;
        return Libc.clock_gettime(clock, &time) != 0 ? -1 : time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }
}
