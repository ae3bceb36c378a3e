using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Events;

/// <summary>
/// Supervisor's event type names (reference §5.1) and its subscription rule: subscribing to an abstract type
/// (PROCESS_STATE, TICK, EVENT...) means every type under it.
/// </summary>
public static class EventNames
{
    private static readonly string[] Abstract = ["PROCESS_STATE", "PROCESS_LOG", "PROCESS_COMMUNICATION", "SUPERVISOR_STATE_CHANGE", "TICK", "PROCESS_GROUP"];

    public static bool Matches(IEnumerable<string> subscriptions, string eventName) =>
        subscriptions.Any(s => s == "EVENT" || s == eventName || (Abstract.Contains(s) && eventName.StartsWith(s + "_", StringComparison.Ordinal)));

    public static string ProcessState(ProcessState state) => "PROCESS_STATE_" + state.Name();

    /// <summary>The token payload of a PROCESS_STATE event, exactly as Supervisor writes it.</summary>
    public static string ProcessStatePayload(string name, string group, StateChanged change)
    {
        var head = $"processname:{name} groupname:{group} from_state:{change.From.Name()}";
        return change.To switch
        {
            Processes.ProcessState.Starting or Processes.ProcessState.Backoff => $"{head} tries:{change.Tries}",
            Processes.ProcessState.Exited => $"{head} expected:{(change.Expected ? 1 : 0)} pid:{change.Pid}",
            Processes.ProcessState.Running or Processes.ProcessState.Stopping or Processes.ProcessState.Stopped => $"{head} pid:{change.Pid}",
            _ => head,
        };
    }
}
