using System.Globalization;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Output;

/// <summary>
/// Supervisor's rpcinterface._interpretProcessInfo, used when the daemon leaves a description empty: uptime as
/// Python's timedelta text, the spawn error for BACKOFF/FATAL, the local stop time for STOPPED/EXITED.
/// </summary>
internal static class ProcessDescription
{
    public static string Of(ProcessInfo info, TimeZoneInfo localZone) =>
        info.State switch
        {
            ProcessState.Running => $"pid {info.Pid}, uptime {Uptime(info.Now - info.Start)}",
            ProcessState.Fatal or ProcessState.Backoff => info.Spawnerr.Length > 0
                ? info.Spawnerr
                : $"unknown error (try \"tail {info.Name}\")",
            ProcessState.Stopped or ProcessState.Exited => info.Start != 0
                ? StopTime(info.Stop, localZone)
                : "Not started",
            _ => "",
        };

    /// <summary>str(datetime.timedelta(seconds=n)): "H:MM:SS", "1 day, H:MM:SS", "N days, H:MM:SS"; negative is 0.</summary>
    public static string Uptime(long seconds)
    {
        seconds = Math.Max(0, seconds);
        var days = seconds / 86400;
        var rest = seconds % 86400;
        var clock = string.Create(CultureInfo.InvariantCulture, $"{rest / 3600}:{rest % 3600 / 60:00}:{rest % 60:00}");
        return days switch
        {
            0 => clock,
            1 => $"1 day, {clock}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{days} days, {clock}"),
        };
    }

    /// <summary>strftime('%b %d %I:%M %p') of the stop time in local time, e.g. "Nov 23 07:02 PM".</summary>
    public static string StopTime(long unixSeconds, TimeZoneInfo localZone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), localZone);
        return local.ToString("MMM dd hh:mm tt", CultureInfo.InvariantCulture);
    }
}
