namespace Supervise.Supervisord.Platform;

/// <summary>
/// A level-triggered epoll set waited on by one dedicated thread, with an eventfd that wakes it (id 0 is reserved
/// for that). Shared by the reaper (pidfds) and the output reactor (pipes).
/// </summary>
internal sealed unsafe class EpollSet
{
    private const ulong WakeId = 0;
    private readonly int _epollFd;
    private readonly int _wakeFd;

    public EpollSet()
    {
        _epollFd = Libc.epoll_create1(Libc.O_CLOEXEC);
        _wakeFd = _epollFd < 0 ? -1 : Libc.eventfd(0, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        if (_wakeFd < 0)
        {
            throw new IOException($"cannot create an epoll set: {Errno.Name(Errno.Last)}");
        }
        Add(_wakeFd, WakeId);
    }

    /// <param name="id">Reported by <see cref="Wait"/> when <paramref name="fd"/> is readable; never 0.</param>
    public void Add(int fd, ulong id)
    {
        var registration = stackalloc byte[EpollLayout.MaxSize];
        EpollLayout.Write(registration, Libc.EPOLLIN, id);
        Libc.epoll_ctl(_epollFd, Libc.EPOLL_CTL_ADD, fd, registration);
    }

    public void Remove(int fd) => Libc.epoll_ctl(_epollFd, Libc.EPOLL_CTL_DEL, fd, null);

    /// <summary>
    /// Removes <paramref name="fd"/> from the set, then closes it. Closing alone is not enough: a child being spawned
    /// right now holds a copy of every fd until its exec, and the registration (a level-triggered wake-up loop) lives
    /// as long as any copy does.
    /// </summary>
    public void RemoveAndClose(int fd)
    {
        Remove(fd);
        Libc.close(fd);
    }

    /// <summary>Waits for readable fds and writes their ids into <paramref name="ids"/>; a wake-up or a timeout yields none.</summary>
    /// <param name="timeoutMilliseconds">-1 waits until an fd is readable or <see cref="Wake"/> is called.</param>
    public int Wait(Span<ulong> ids, int timeoutMilliseconds = -1)
    {
        var events = stackalloc byte[ids.Length * EpollLayout.MaxSize];
        var ready = Libc.epoll_wait(_epollFd, events, ids.Length, timeoutMilliseconds);
        var count = 0;
        for (var i = 0; i < ready; i++)
        {
            var data = EpollLayout.DataAt(events, i);
            if (data == WakeId)
            {
                ulong drained;
                Libc.read(_wakeFd, &drained, sizeof(ulong));
            }
            else
            {
                ids[count++] = data;
            }
        }
        return count;
    }

    /// <summary>Makes the waiting thread return from <see cref="Wait"/>.</summary>
    public void Wake()
    {
        ulong one = 1;
        Libc.write(_wakeFd, &one, sizeof(ulong));
    }
}
