using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Hosting;

/// <summary>Stops the children a crashed predecessor left running: their stop signal, then SIGKILL after a grace period.</summary>
public static partial class SurvivorReaper
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static async Task StopAsync(string pidfile, ILogger logger, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var survivors = SurvivorRecord.FindSurvivors(pidfile);
        foreach (var survivor in survivors)
        {
            LogFound(logger, survivor.Name, survivor.Pid, SignalTable.Name(survivor.StopSignal));
            Signals.Send(survivor.Pid, survivor.StopSignal, survivor.ToGroup);
        }
        var started = time.GetTimestamp();
        while (survivors.Any(Alive) && time.GetElapsedTime(started) < Grace)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time).ConfigureAwait(false);
        }
        foreach (var survivor in survivors.Where(Alive))
        {
            LogKilled(logger, survivor.Name, survivor.Pid);
            Signals.Send(survivor.Pid, SignalTable.SIGKILL, survivor.ToGroup);
        }
    }

    // Not our child: it cannot be reaped here, so "alive" means the same process still exists and is not a zombie.
    private static bool Alive(SurvivorRecord.Survivor survivor) =>
        SurvivorRecord.StartTime(survivor.Pid) == survivor.StartTime && !IsZombie(survivor.Pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }

    [LoggerMessage(
        EventId = LogEventIds.SurvivorFound,
        Level = LogLevel.Warning,
        Message = "found {Name} (pid {Pid}) still running from a previous supervisord; stopping it with {Signal}"
    )]
    private static partial void LogFound(ILogger logger, string name, int pid, string signal);

    [LoggerMessage(
        EventId = LogEventIds.SurvivorKilled,
        Level = LogLevel.Warning,
        Message = "killing {Name} (pid {Pid}) left by a previous supervisord with SIGKILL"
    )]
    private static partial void LogKilled(ILogger logger, string name, int pid);
}
