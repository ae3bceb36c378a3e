using System.Runtime.InteropServices;
using Supervise.Supervisord.Spawning.Native;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// Collects the exit status of our own children, and only theirs: one dedicated thread poll()s a pidfd per child plus
/// an eventfd for new registrations, then waitpid(pid, WNOHANG) on the pid whose pidfd became readable. An exit is
/// delivered as soon as the kernel reports it; nothing polls on a timer. waitpid(-1) is never used, so pids that the
/// runtime's own Process class started are never stolen (reference/dotnet-on-linux.md §2).
/// </summary>
public sealed unsafe class Reaper : IDisposable
{
    private const long SysPidfdOpen = 434;

    // Guards _pending and _watched: registrations arrive from any thread, the poll thread consumes them.
    private readonly Lock _gate = new();
    private readonly List<(int Pid, int PidFd, Action<WaitStatus> OnExit)> _pending = [];
    private readonly Dictionary<int, (int PidFd, Action<WaitStatus> OnExit)> _watched = [];

    private readonly int _wakeFd;
    private readonly Thread _thread;
    private volatile bool _disposed;

    public Reaper()
    {
        _wakeFd = Libc.eventfd(0, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        _thread = new Thread(Run) { IsBackground = true, Name = "reaper" };
        _thread.Start();
    }

    /// <summary>Watches <paramref name="pid"/> and calls <paramref name="onExit"/> once, on the reaper thread, when it ends.</summary>
    public void Watch(int pid, Action<WaitStatus> onExit)
    {
        var pidFd = (int)Libc.syscall(SysPidfdOpen, pid, 0);
        if (pidFd < 0)
        {
            // The child is already reaped by someone else or pidfds are unavailable: fall back to a blocking wait thread.
            var waiter = new Thread(() => onExit(WaitBlocking(pid))) { IsBackground = true, Name = $"wait-{pid}" };
            waiter.Start();
            return;
        }
        lock (_gate)
        {
            _pending.Add((pid, pidFd, onExit));
        }
        Wake();
    }

    public int WatchedCount
    {
        get
        {
            lock (_gate)
            {
                return _watched.Count + _pending.Count;
            }
        }
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

    private void Wake()
    {
        ulong one = 1;
        Libc.write(_wakeFd, &one, sizeof(ulong));
    }

    private void Run()
    {
        var fds = new List<Libc.PollFd>();
        var pids = new List<int>();
        while (!_disposed)
        {
            fds.Clear();
            pids.Clear();
            fds.Add(new Libc.PollFd { Fd = _wakeFd, Events = Libc.POLLIN });
            pids.Add(0);
            lock (_gate)
            {
                foreach (var (pid, pidFd, onExit) in _pending)
                {
                    _watched[pid] = (pidFd, onExit);
                }
                _pending.Clear();
                foreach (var (pid, entry) in _watched)
                {
                    fds.Add(new Libc.PollFd { Fd = entry.PidFd, Events = Libc.POLLIN });
                    pids.Add(pid);
                }
            }

            var array = fds.ToArray();
            int ready;
            fixed (Libc.PollFd* pointer = array)
            {
                ready = Libc.poll(pointer, (ulong)array.Length, -1);
            }
            if (ready <= 0)
            {
                continue;
            }
            if (array[0].Revents != 0)
            {
                ulong drained;
                Libc.read(_wakeFd, &drained, sizeof(ulong));
            }
            for (var i = 1; i < array.Length; i++)
            {
                if (array[i].Revents != 0)
                {
                    Reap(pids[i]);
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
        Wake();
    }
}
