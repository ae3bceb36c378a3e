using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// Collects the exit status of our own children, and only theirs: each child gets a pidfd registered in one epoll
/// set, and one dedicated thread waits on it, then calls waitpid(pid, WNOHANG) for the pid whose pidfd became
/// readable. An exit is delivered as soon as the kernel reports it; nothing polls on a timer, and the cost of an exit
/// does not grow with the number of children. waitpid(-1) is never used, so pids that the runtime's own Process class
/// started are never stolen (reference/dotnet-on-linux.md §2).
/// </summary>
public sealed partial class Reaper : IDisposable
{
    // Guards _watched: registrations arrive from spawner threads, exits are handled on the reaper thread.
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (int PidFd, Action<WaitStatus> OnExit)> _watched = [];

    // Also guarded by _gate: watched pids that are adopted orphans (the daemon is their subreaper), not programs.
    private readonly HashSet<int> _adopted = [];
    private readonly EpollSet _set = new();
    private volatile bool _disposed;
    private volatile ILogger _logger = NullLogger.Instance;

    public Reaper()
    {
        new Thread(Run) { IsBackground = true, Name = "reaper" }.Start();
    }

    /// <summary>The main log; set by the composition root each time it opens one (the reaper outlives a reload).</summary>
    public ILogger Logger
    {
        get => _logger;
        set => _logger = value;
    }

    /// <summary>Watches <paramref name="pid"/> and calls <paramref name="onExit"/> once, on the reaper thread, when it ends.</summary>
    public void Watch(int pid, Action<WaitStatus> onExit)
    {
        var pidFd = ChildWait.OpenPidFd(pid);
        if (pidFd < 0)
        {
            // pidfds unavailable (Linux < 5.3): fall back to a thread blocked in waitpid on this one pid. Its entry
            // (with no pidfd) lets Signal reach it until it is reaped.
            lock (_gate)
            {
                _watched[pid] = (-1, onExit);
            }
            new Thread(() => WaitBlocking(pid, onExit)) { IsBackground = true, Name = $"wait-{pid}" }.Start();
            return;
        }
        int? replaced = null;
        lock (_gate)
        {
            // A sweep may have adopted a fresh child in the moment before its spawner watched it: the program wins.
            if (_adopted.Remove(pid) && _watched.Remove(pid, out var adopted))
            {
                replaced = adopted.PidFd;
            }
            _watched[pid] = (pidFd, onExit);
        }
        if (replaced is { } old)
        {
            _set.RemoveAndClose(old);
        }
        _set.Add(pidFd, (ulong)pid);
    }

    /// <summary>Whether <paramref name="pid"/> is a program's child that this reaper watches (not an adopted orphan).</summary>
    public bool IsProgram(int pid)
    {
        lock (_gate)
        {
            return _watched.ContainsKey(pid) && !_adopted.Contains(pid);
        }
    }

    /// <summary>
    /// Reaps an orphan that was reparented to the daemon (child subreaper) when it exits, so that it never lingers as
    /// a zombie. Nothing is reported: it is no program. Does nothing for a pid already watched.
    /// </summary>
    public void Adopt(int pid)
    {
        lock (_gate)
        {
            if (_watched.ContainsKey(pid))
            {
                return;
            }
        }
        var pidFd = ChildWait.OpenPidFd(pid);
        if (pidFd < 0)
        {
            return;
        }
        lock (_gate)
        {
            if (_watched.ContainsKey(pid))
            {
                Pipes.Close(pidFd);
                return;
            }
            _watched[pid] = (pidFd, _ => { });
            _adopted.Add(pid);
        }
        _set.Add(pidFd, (ulong)pid);
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

    /// <summary>
    /// Signals a watched child, to its process group with <paramref name="toGroup"/>, only while it is not reaped:
    /// by its pidfd, or by kill(2) under the lock that reaping takes, so that the pid cannot be reused in between. A
    /// child already reaped (or never watched) is reported gone; its exit reaches the actor through the watch.
    /// </summary>
    internal (Signals.Outcome Outcome, int Errno) Signal(int pid, int signal, bool toGroup)
    {
        lock (_gate)
        {
            if (!_watched.TryGetValue(pid, out var entry) || _adopted.Contains(pid))
            {
                return (Signals.Outcome.AlreadyGone, Errno.ESRCH);
            }
            return toGroup || entry.PidFd < 0
                ? Signals.Send(pid, signal, toGroup)
                : Signals.SendToPidFd(entry.PidFd, signal);
        }
    }

    private void WaitBlocking(int pid, Action<WaitStatus> onExit)
    {
        // Blocking waitpid cannot run under the lock; a group signal in the moment after it is the one window left,
        // and only on kernels without pidfds.
        var result = ChildWait.Block(pid);
        lock (_gate)
        {
            _watched.Remove(pid);
        }
        Deliver(pid, onExit, result);
    }

    private void Reap(int pid)
    {
        (int PidFd, Action<WaitStatus> OnExit) entry;
        (ChildWait.Outcome Outcome, int Status) result;
        lock (_gate)
        {
            // Collected under the lock that Signal takes: a signal comes either before the pid is freed, or not at all.
            result = ChildWait.Poll(pid);
            if (result.Outcome == ChildWait.Outcome.Running)
            {
                return; // not exited yet (spurious wake-up)
            }
            if (!_watched.Remove(pid, out entry))
            {
                return;
            }
            if (_adopted.Remove(pid))
            {
                _set.RemoveAndClose(entry.PidFd);
                return;
            }
        }
        _set.RemoveAndClose(entry.PidFd);
        Deliver(pid, entry.OnExit, result);
    }

    private void Deliver(int pid, Action<WaitStatus> onExit, (ChildWait.Outcome Outcome, int Status) result)
    {
        // Lost (ECHILD: someone else reaped it): report the exit as unknown rather than lose the transition.
        var status = result.Outcome == ChildWait.Outcome.Exited ? new WaitStatus(result.Status) : WaitStatus.Unknown;
        if (status.IsUnknown)
        {
            LogStatusLost(_logger, pid);
        }
        try
        {
            onExit(status);
        }
        catch (Exception exception)
        {
            LogExitHandlerFailed(_logger, pid, exception.Message);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _set.Wake();
    }

    [LoggerMessage(
        EventId = LogEventIds.ExitHandlerFailed,
        Level = LogLevel.Error,
        Message = "reaper: exit handler for pid {Pid} failed: {Reason}"
    )]
    private static partial void LogExitHandlerFailed(ILogger logger, int pid, string reason);

    [LoggerMessage(
        EventId = LogEventIds.ExitStatusLost,
        Level = LogLevel.Warning,
        Message = "reaper: the exit status of pid {Pid} was collected elsewhere; reporting it as unknown"
    )]
    private static partial void LogStatusLost(ILogger logger, int pid);
}
