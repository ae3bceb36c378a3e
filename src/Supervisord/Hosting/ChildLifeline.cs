using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// Ties children to the daemon (issue 14, "no stray processes"), per configuration: watchdog= kills the children when
/// the daemon dies (<see cref="CrashWatchdog"/>), pdeathsig= gives every child a parent-death signal, and subreaper=
/// makes the daemon adopt orphaned descendants, whose exits an <see cref="OrphanSweeper"/> then reaps. Both are Linux prctl(2) settings; where they fail, the daemon runs as
/// Supervisor does and says so once in the main log.
/// </summary>
internal sealed partial class ChildLifeline(ProcessSpawner spawner, Reaper reaper, TimeProvider time) : IDisposable
{
    private OrphanSweeper? _sweeper;
    private CrashWatchdog? _watchdog;

    public void Apply(DaemonSettings daemon, string survivorRecord, ILogger logger)
    {
        if (!daemon.Watchdog || _watchdog?.RecordPath != survivorRecord)
        {
            _watchdog?.Dispose();
            _watchdog = null;
        }
        if (daemon.Watchdog && _watchdog is null)
        {
            _watchdog = CrashWatchdog.Start(survivorRecord);
            if (_watchdog is null)
            {
                LogNoWatchdog(logger);
            }
        }
        spawner.DeathSignal = daemon.DeathSignal;
        if (daemon.DeathSignal != 0 && !DeathSignalLauncher.Available)
        {
            LogNoSetpriv(logger);
        }
        if (daemon.Subreaper == (_sweeper is not null))
        {
            return;
        }
        if (!daemon.Subreaper)
        {
            ParentDeath.StopBeingSubreaper();
            _sweeper?.Dispose();
            _sweeper = null;
            return;
        }
        if (ParentDeath.BecomeSubreaper() is { } error)
        {
            LogNoSubreaper(logger, error);
            return;
        }
        _sweeper = new OrphanSweeper(reaper, time);
    }

    public void Dispose()
    {
        _sweeper?.Dispose();
        _watchdog?.Dispose();
    }

    [LoggerMessage(
        EventId = 22,
        Level = LogLevel.Warning,
        Message = "watchdog: could not be started; children will outlive a crash of the daemon until its next start"
    )]
    private static partial void LogNoWatchdog(ILogger logger);

    [LoggerMessage(
        EventId = 20,
        Level = LogLevel.Warning,
        Message = "pdeathsig: setpriv (util-linux) was not found; children will not die with the daemon"
    )]
    private static partial void LogNoSetpriv(ILogger logger);

    [LoggerMessage(
        EventId = 21,
        Level = LogLevel.Warning,
        Message = "subreaper: prctl(PR_SET_CHILD_SUBREAPER) failed ({Error}); orphaned descendants go to init"
    )]
    private static partial void LogNoSubreaper(ILogger logger, string error);
}
