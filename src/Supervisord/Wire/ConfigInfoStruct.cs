using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// getAllConfigInfo: one struct per configured process, sorted by name, "none" for None. An AUTO child log is the path
/// it resolved to (Supervisor's create_autochildlogs rewrites the config when the group is added), so "auto" is left
/// only for a process that is not in use; serverurl AUTO is None in Supervisor's config, so "none".
/// </summary>
public static class ConfigInfoStruct
{
    public static XmlRpcArray All(ControlOperations operations)
    {
        var entries = new List<(string Name, XmlRpcValue Info)>();
        foreach (var group in operations.Daemon.Parsed.Groups)
        {
            var running = operations.Registry.FindGroup(group.Name);
            foreach (var p in group.Processes)
            {
                entries.Add((p.Name, Of(group, p, running is not null, running?.Find(p.Name))));
            }
        }
        // Python's list.sort is stable, as OrderBy is.
        return new XmlRpcArray([.. entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Info)]);
    }

    private static XmlRpcStruct Of(ProcessGroupConfig group, ProcessConfig p, bool inUse, SupervisedProcess? process) =>
        RpcInterface.Struct(
            ("autostart", p.Autostart),
            ("directory", p.Directory ?? "none"),
            ("uid", p.Uid is { } uid ? uid : "none"),
            ("command", p.Command),
            ("exitcodes", new XmlRpcArray([.. p.ExitCodes.Select(c => (XmlRpcValue)c)])),
            ("group", group.Name),
            ("group_prio", group.Priority),
            ("inuse", inUse),
            ("killasgroup", p.KillAsGroup),
            ("name", p.Name),
            ("process_prio", p.Priority),
            ("redirect_stderr", p.RedirectStderr),
            ("startretries", p.StartRetries),
            ("startsecs", p.StartSecs),
            ("stdout_capture_maxbytes", Capped(p.Stdout.CaptureMaxBytes)),
            ("stdout_events_enabled", p.Stdout.EventsEnabled),
            ("stdout_logfile", LogFile(p.Stdout, process?.Stdout.Path)),
            ("stdout_logfile_backups", p.Stdout.Backups),
            ("stdout_logfile_maxbytes", Capped(p.Stdout.MaxBytes)),
            ("stdout_syslog", p.Stdout.Syslog),
            ("stopsignal", p.StopSignal),
            ("stopwaitsecs", p.StopWaitSecs),
            ("stderr_capture_maxbytes", Capped(p.Stderr.CaptureMaxBytes)),
            ("stderr_events_enabled", p.Stderr.EventsEnabled),
            ("stderr_logfile", LogFile(p.Stderr, process?.Stderr.Path)),
            ("stderr_logfile_backups", p.Stderr.Backups),
            ("stderr_logfile_maxbytes", Capped(p.Stderr.MaxBytes)),
            ("stderr_syslog", p.Stderr.Syslog),
            ("serverurl", p.ServerUrl ?? "none")
        );

    private static XmlRpcValue LogFile(LogChannelConfig channel, string? resolved) =>
        channel.Target switch
        {
            LogTarget.Auto => resolved ?? "auto",
            LogTarget.File when channel.Path is not null => channel.Path,
            _ => "none",
        };

    private static int Capped(long value) => ProcessInfoStruct.Capped(value);
}
