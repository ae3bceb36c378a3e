using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// Where a spawn's output goes besides the log: PROCESS_LOG events when <c>*_events_enabled</c>, and capture mode's
/// PROCESS_COMMUNICATION events when <c>*_capture_maxbytes</c> &gt; 0. Both hooks run on the output reactor's thread
/// and only publish (the hub hands events to queues), so they never hold the drain; with both off the reactor sees
/// no hook at all. Set at each spawn because the events carry that spawn's pid.
/// </summary>
public sealed partial class SupervisedProcess
{
    private void AttachOutput(int fd, ChannelLog log, LogChannelConfig channel, OutputChannel which, int pid)
    {
        var events = _events;
        log.Logged = channel.EventsEnabled
            ? data => events.Publish(new Events.ProcessLog(which, Name, Group, pid, data))
            : null;
        Action<byte[]>? captured =
            channel.CaptureMaxBytes > 0
                ? data => events.Publish(new ProcessCommunication(which, Name, Group, pid, data))
                : null;
        _ = _services.Output.Attach(fd, log, _services.StripAnsi, channel.CaptureMaxBytes, captured);
    }
}
