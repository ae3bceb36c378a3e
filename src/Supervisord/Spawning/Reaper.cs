using System.Runtime.InteropServices;
using Supervise.Supervisord.Platform;

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
    private readonly EpollSet _set = new();
    private volatile bool _disposed;

    public Reaper()
    {
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
        _set.Add(pidFd, (ulong)pid);
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
        Span<ulong> pids = stackalloc ulong[64];
        while (!_disposed)
        {
            var ready = _set.Wait(pids);
            for (var i = 0; i < ready; i++)
            {
                Reap((int)pids[i]);
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
        _set.RemoveAndClose(entry.PidFd);
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
        _set.Wake();
    }
}
