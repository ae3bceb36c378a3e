namespace Supervise.Supervisord.Platform;

/// <summary>
/// A periodic timerfd(2) on CLOCK_MONOTONIC: readable at each expiry, so it can sit in an epoll set. It lives as long
/// as its owner's thread, so it is never closed under a waiting epoll_wait.
/// </summary>
internal sealed unsafe class TimerFd
{
    private const int CLOCK_MONOTONIC = 1;

    public TimerFd()
    {
        Fd = Libc.timerfd_create(CLOCK_MONOTONIC, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        if (Fd < 0)
        {
            throw new IOException($"timerfd_create failed: {Errno.Name(Errno.Last)}");
        }
    }

    public int Fd { get; }

    /// <summary>Fires every <paramref name="nanoseconds"/> (under one second), first after one period; 0 disarms.</summary>
    public void SetPeriod(long nanoseconds)
    {
        var spec = new Libc.ITimerSpec { IntervalNanoseconds = nanoseconds, ValueNanoseconds = nanoseconds };
        Libc.timerfd_settime(Fd, 0, &spec, null);
    }

    /// <summary>Reads the expiry count, so that the level-triggered set stops reporting it.</summary>
    public void Acknowledge()
    {
        ulong expirations;
        Libc.read(Fd, &expirations, sizeof(ulong));
    }
}
