using System.Text;

namespace Supervise.Supervisord.Events;

/// <summary>The listener's side of the protocol: READY, then RESULT lines, parsed from its stdout.</summary>
public sealed partial class EventListenerPool
{
    /// <summary>Consumes one protocol element from the listener's pending output; false when more is needed.</summary>
    private bool Step(Listener listener)
    {
        var pending = listener.Pending;
        switch (listener.State)
        {
            case ListenerState.Acknowledged when pending.Count >= 6:
                if (Encoding.ASCII.GetString(pending.GetRange(0, 6).ToArray()) == "READY\n")
                {
                    pending.RemoveRange(0, 6);
                    listener.State = ListenerState.Ready;
                    return true;
                }
                return ProtocolError(listener);
            case ListenerState.Ready when pending.Count > 0:
                return ProtocolError(listener);
            case ListenerState.Busy:
                return StepResult(listener);
            case ListenerState.Unknown:
                pending.Clear();
                return false;
            default:
                return false;
        }
    }

    /// <summary>"RESULT N\n" and N bytes; "OK" consumes the event in flight, anything else rebuffers it.</summary>
    private bool StepResult(Listener listener)
    {
        var pending = listener.Pending;
        var newline = pending.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return false;
        }
        var line = Encoding.ASCII.GetString(pending.GetRange(0, newline).ToArray());
        if (
            !line.StartsWith("RESULT ", StringComparison.Ordinal)
            || !int.TryParse(line[7..], out var length)
            || length < 0
        )
        {
            LogBadResult(_logger, listener.Process.Name, line);
            return ProtocolError(listener);
        }
        if (pending.Count < newline + 1 + length)
        {
            return false;
        }
        var result = Encoding.UTF8.GetString(pending.GetRange(newline + 1, length).ToArray());
        pending.RemoveRange(0, newline + 1 + length);
        if (result != "OK")
        {
            // Supervisor's default_handler: anything but OK is a rejection, and the event goes back to the head.
            LogRejected(_logger, listener.Process.Name);
            Rebuffer(listener);
        }
        listener.InFlight = null;
        listener.State = ListenerState.Acknowledged;
        return true;
    }

    private bool ProtocolError(Listener listener)
    {
        Rebuffer(listener);
        listener.State = ListenerState.Unknown;
        listener.Pending.Clear();
        LogUnknown(_logger, listener.Process.Name);
        return false;
    }
}
