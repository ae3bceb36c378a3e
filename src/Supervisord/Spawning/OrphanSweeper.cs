using System.Runtime.InteropServices;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// With the daemon as child subreaper, a program's orphaned descendants become the daemon's children, and each one
/// that exits would stay a zombie: the reaper waits only on pids it watches. Each SIGCHLD (an adopted orphan's exit
/// sends one too) schedules a sweep that hands every unknown child of the daemon to the reaper, which then reaps it.
/// Sweeps are coalesced to at most one every 10 s: a scan of /proc/*/stat costs 10-30 ms on a busy machine (measured
/// with about a thousand processes), and a crash-looping program raises SIGCHLD at every exit. An orphan that exits on
/// its own may therefore stay a zombie for up to 10 s; strays that a stop kills are reaped at once.
/// </summary>
public sealed class OrphanSweeper : IDisposable
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);
    private readonly Reaper _reaper;
    private readonly ITimer _timer;
    private readonly PosixSignalRegistration _registration;
    private readonly TimeProvider _time;
    private long _lastSweep;
    private int _pending;

    public OrphanSweeper(Reaper reaper, TimeProvider time)
    {
        _reaper = reaper;
        _time = time;
        _lastSweep = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Sweep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGCHLD, _ => Nudge());
    }

    /// <summary>Asks for a sweep: now if the last one is old enough, else as soon as it is.</summary>
    public void Nudge()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }
        var wait = MinInterval - _time.GetElapsedTime(Interlocked.Read(ref _lastSweep));
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Adopts every child of the daemon that is not watched yet; returns how many.</summary>
    public int Sweep()
    {
        Interlocked.Exchange(ref _lastSweep, _time.GetTimestamp());
        Volatile.Write(ref _pending, 0);
        var self = Environment.ProcessId;
        var adopted = 0;
        foreach (var entry in ProcTable.Snapshot())
        {
            if (entry.ParentPid == self && !_reaper.IsProgram(entry.Pid))
            {
                _reaper.Adopt(entry.Pid);
                adopted++;
            }
        }
        return adopted;
    }

    public void Dispose()
    {
        _registration.Dispose();
        _timer.Dispose();
    }
}
