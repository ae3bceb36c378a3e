using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>Renders the state machine's log lines; each template is Supervisor's text for that line, byte for byte.</summary>
internal static partial class ProcessLog
{
    public static void Write(ILogger logger, WriteLog line)
    {
        switch (line)
        {
            case SpawnedLine l:
                Spawned(logger, l.Name, l.Pid);
                break;
            case SpawnErrorLine l:
                SpawnError(logger, l.Message);
                break;
            case EnteredRunningLine l:
                EnteredRunning(logger, l.Name, l.StartSecs);
                break;
            case ExitedLine { Expected: true } l:
                ExitedExpected(logger, l.Name, l.Status);
                break;
            case ExitedLine l:
                ExitedUnexpected(logger, l.Name, l.Status);
                break;
            case StoppedLine l:
                // Supervisor logs an expected exit status at INFO, anything else (a signal death) at WARN.
                Stopped(logger, l.Expected ? LogLevel.Information : LogLevel.Warning, l.Name, l.Status);
                break;
            case KillingLine l:
                Killing(logger, l.Name, l.Pid, l.Signal);
                break;
            case SigkillLine l:
                Sigkill(logger, l.Name, l.Pid);
                break;
            case GaveUpLine l:
                GaveUp(logger, l.Name);
                break;
            case KillFailedLine l:
                KillFailed(logger, l.Name, l.Pid, l.Error);
                break;
            case ReadyLine or NotReadyLine or DependencyLine:
                ReadinessLog.Write(logger, line);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(line), line, "no template for this log line");
        }
    }

    [LoggerMessage(
        EventId = ProcessLogEvents.Spawned,
        Level = LogLevel.Information,
        Message = "spawned: '{Name}' with pid {Pid}"
    )]
    private static partial void Spawned(ILogger logger, string name, int pid);

    [LoggerMessage(
        EventId = ProcessLogEvents.SpawnError,
        Level = LogLevel.Information,
        Message = "spawnerr: {Message}"
    )]
    private static partial void SpawnError(ILogger logger, string message);

    [LoggerMessage(
        EventId = ProcessLogEvents.EnteredRunning,
        Level = LogLevel.Information,
        Message = "success: {Name} entered RUNNING state, process has stayed up for > than {Seconds} seconds (startsecs)"
    )]
    private static partial void EnteredRunning(ILogger logger, string name, int seconds);

    [LoggerMessage(
        EventId = ProcessLogEvents.ExitedExpected,
        Level = LogLevel.Information,
        Message = "exited: {Name} ({Status}; expected)"
    )]
    private static partial void ExitedExpected(ILogger logger, string name, string status);

    [LoggerMessage(
        EventId = ProcessLogEvents.ExitedUnexpected,
        Level = LogLevel.Warning,
        Message = "exited: {Name} ({Status}; not expected)"
    )]
    private static partial void ExitedUnexpected(ILogger logger, string name, string status);

    [LoggerMessage(EventId = ProcessLogEvents.Stopped, Message = "stopped: {Name} ({Status})")]
    private static partial void Stopped(ILogger logger, LogLevel level, string name, string status);

    [LoggerMessage(
        EventId = ProcessLogEvents.Killing,
        Level = LogLevel.Debug,
        Message = "killing {Name} (pid {Pid}) with signal {Signal}"
    )]
    private static partial void Killing(ILogger logger, string name, int pid, string signal);

    [LoggerMessage(
        EventId = ProcessLogEvents.Sigkill,
        Level = LogLevel.Warning,
        Message = "killing '{Name}' ({Pid}) with SIGKILL"
    )]
    private static partial void Sigkill(ILogger logger, string name, int pid);

    [LoggerMessage(
        EventId = ProcessLogEvents.GaveUp,
        Level = LogLevel.Information,
        Message = "gave up: {Name} entered FATAL state, too many start retries too quickly"
    )]
    private static partial void GaveUp(ILogger logger, string name);

    [LoggerMessage(
        EventId = ProcessLogEvents.KillFailed,
        Level = LogLevel.Critical,
        Message = "unknown problem killing {Name} ({Pid}):{Error}"
    )]
    private static partial void KillFailed(ILogger logger, string name, int pid, string error);
}
