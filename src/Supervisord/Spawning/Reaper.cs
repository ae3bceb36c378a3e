using System.Runtime.InteropServices;
using Supervise.Supervisord.Spawning.Native;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// Collects the exit status of our own children, and only theirs: each child gets a pidfd registered in one epoll
/// set, and one dedicated thread waits on it, then calls waitpid(pid, WNOHANG) for the pid whose pidfd became
/// readable. An exit is delivered as soon as the kernel reports it; nothing polls on a timer, and the cost of an exit
/// does not grow with the number of children. waitpid(-1) is never used, so pids that the runtime's own Process class
/// started are never stolen (reference/dotnet-on-linux.md §2).
/// </summary>
public sealed unsafe class Reaper : IDisposable
{
    private const long SysPidfdOpen = 434;

    // Guards _watched: registrations arrive from spawner threads, exits are handled on the reaper thread.
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (int PidFd, Action<WaitStatus> OnExit)> _watched = [];
    private readonly int _epollFd;
    private readonly int _wakeFd;
    private volatile bool _disposed;

    public Reaper()
    {
        _epollFd = Libc.epoll_create1(Libc.O_CLOEXEC);
        _wakeFd = Libc.eventfd(0, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        Register(_wakeFd, 0);
        new Thread(Run) { IsBackground = true, Name = "reaper" }.Start();
    }

    /// <summary>Watches <paramref name="pid"/> and calls <paramref name="onExit"/> once, on the reaper thread, when it ends.</summary>
    public void Watch(int pid, Action<WaitStatus> onExit)
    {
        var pidFd = (int)Libc.syscall(SysPidfdOpen, pid, 0);
        if (pidFd < 0)
        {
            // pidfds unavailable (Linux < 5.3): fall back to a thread blocked in waitpid on this one pid.
            new Thread(() => onExit(WaitBlocking(pid))) { IsBackground = true, Name = $"wait-{pid}" }.Start();
            return;
        }
        lock (_gate)
        {
            _watched[pid] = (pidFd, onExit);
        }
        Register(pidFd, pid);
    }

    private void Register(int fd, int pid)
    {
        var registration = new Libc.EpollEvent { Events = Libc.EPOLLIN, Data = (ulong)pid };
        Libc.epoll_ctl(_epollFd, Libc.EPOLL_CTL_ADD, fd, &registration);
    }

    private static WaitStatus WaitBlocking(int pid)
    {
        while (true)
        {
            var result = Libc.waitpid(pid, out var status, 0);
            if (result == pid)
            {
                return new WaitStatus(status);
            }
            if (result < 0 && Marshal.GetLastPInvokeError() != Libc.EINTR)
            {
                return WaitStatus.FromExitCode(0);
            }
        }
    }

    private void Run()
    {
        const int batch = 64;
        var events = stackalloc Libc.EpollEvent[batch];
        while (!_disposed)
        {
            var ready = Libc.epoll_wait(_epollFd, events, batch, -1);
            for (var i = 0; i < ready; i++)
            {
                var pid = (int)events[i].Data;
                if (pid == 0)
                {
                    ulong drained;
                    Libc.read(_wakeFd, &drained, sizeof(ulong));
                }
                else
                {
                    Reap(pid);
                }
            }
        }
    }

    private void Reap(int pid)
    {
        var result = Libc.waitpid(pid, out var status, Libc.WNOHANG);
        if (result == 0)
        {
            return; // not exited yet (spurious wake-up)
        }
        (int PidFd, Action<WaitStatus> OnExit) entry;
        lock (_gate)
        {
            if (!_watched.Remove(pid, out entry))
            {
                return;
            }
        }
        // Removed from the epoll set before closing: a child being spawned right now holds a copy of every fd until
        // its exec, so closing alone would leave the registration (and a level-triggered wake-up loop) behind.
        Libc.epoll_ctl(_epollFd, Libc.EPOLL_CTL_DEL, entry.PidFd, null);
        Libc.close(entry.PidFd);
        // ECHILD: someone else reaped it; report a plain exit rather than lose the transition.
        var waitStatus = result == pid ? new WaitStatus(status) : WaitStatus.FromExitCode(0);
        try
        {
            entry.OnExit(waitStatus);
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"reaper: exit handler for pid {pid} failed: {exception.Message}");
        }
    }

    public void Dispose()
    {
        _disposed = true;
        ulong one = 1;
        Libc.write(_wakeFd, &one, sizeof(ulong));
    }
}
