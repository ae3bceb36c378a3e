using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>The main-log lines of depends_on= and ready= (ours; Supervisor has no such lines).</summary>
internal static partial class ReadinessLog
{
    public static void Write(ILogger logger, WriteLog line)
    {
        switch (line)
        {
            case ReadyLine l:
                Ready(logger, l.Name, l.Probe);
                break;
            case NotReadyLine l:
                NotReady(logger, l.Name, l.Pid, l.Seconds, l.Probe);
                break;
            case DependencyLine l:
                Dependency(logger, l.Name, l.Text);
                break;
        }
    }

    [LoggerMessage(
        EventId = ProcessLogEvents.Ready,
        Level = LogLevel.Information,
        Message = "success: {Name} entered RUNNING state, ready ({Probe})"
    )]
    private static partial void Ready(ILogger logger, string name, string probe);

    [LoggerMessage(
        EventId = ProcessLogEvents.NotReady,
        Level = LogLevel.Warning,
        Message = "killing '{Name}' ({Pid}) with SIGKILL: not ready within {Seconds}s ({Probe})"
    )]
    private static partial void NotReady(ILogger logger, string name, int pid, double seconds, string probe);

    [LoggerMessage(EventId = ProcessLogEvents.Dependency, Level = LogLevel.Information, Message = "{Name}: {Text}")]
    private static partial void Dependency(ILogger logger, string name, string text);
}
