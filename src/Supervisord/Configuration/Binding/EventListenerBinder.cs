using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// An <c>[eventlistener:x]</c> pool: the program options plus events (required, known type names), buffer_size (>= 1),
/// result_handler, priority -1 by default, and redirect_stderr refused. The pool name is not validated (as in
/// Supervisor).
/// </summary>
internal sealed class EventListenerBinder(RawConfig config, BindContext context, ProgramBinder programs)
{
    public static readonly string[] EventTypes =
    [
        "EVENT",
        "PROCESS_COMMUNICATION",
        "PROCESS_COMMUNICATION_STDERR",
        "PROCESS_COMMUNICATION_STDOUT",
        "PROCESS_GROUP",
        "PROCESS_GROUP_ADDED",
        "PROCESS_GROUP_REMOVED",
        "PROCESS_LOG",
        "PROCESS_LOG_STDERR",
        "PROCESS_LOG_STDOUT",
        "PROCESS_STATE",
        "PROCESS_STATE_BACKOFF",
        "PROCESS_STATE_EXITED",
        "PROCESS_STATE_FATAL",
        "PROCESS_STATE_RUNNING",
        "PROCESS_STATE_STARTING",
        "PROCESS_STATE_STOPPED",
        "PROCESS_STATE_STOPPING",
        "PROCESS_STATE_UNKNOWN",
        "REMOTE_COMMUNICATION",
        "SUPERVISOR_STATE_CHANGE",
        "SUPERVISOR_STATE_CHANGE_RUNNING",
        "SUPERVISOR_STATE_CHANGE_STOPPING",
        "TICK",
        "TICK_3600",
        "TICK_5",
        "TICK_60",
    ];

    // The one handler 4.2.5's dispatchers module defines; any other value is a Python import path we cannot run.
    public static readonly string[] ResultHandlers = ["supervisor.dispatchers:default_handler"];

    public void Bind(RawSection section, Dictionary<string, object> names, List<ProcessGroupConfig> groups)
    {
        var r = new OptionReader(config, section, context.Bag);
        var poolName = section.Name[(section.Name.IndexOf(':') + 1)..];
        var priority = r.Read("priority", "-1", names, ValueParsers.Integer, -1);
        var bufferSize = r.Read("buffer_size", "10", names, ValueParsers.Integer, 10);
        if (bufferSize < 1)
        {
            r.Error(
                r.Raw("buffer_size"),
                "buffer_size",
                $"[{Echo.Text(section.Name)}] section sets invalid buffer_size ({bufferSize})"
            );
        }
        var handler = r.Text("result_handler", ResultHandlers[0], names) ?? ResultHandlers[0];
        if (!ResultHandlers.Contains(handler))
        {
            r.Error(
                r.Raw("result_handler"),
                "result_handler",
                $"{Echo.Text(handler)} cannot be resolved within [{Echo.Text(section.Name)}]"
            );
        }
        var events = ValueParsers
            .Strings(r.Raw("events")?.Items, r.Text("events", "", names) ?? "")
            .Select(e => e.ToUpperInvariant())
            .Distinct()
            .ToList();
        if (events.Count == 0)
        {
            r.Error(r.Raw("events"), "events", $"[{Echo.Text(section.Name)}] section requires an \"events\" line");
        }
        foreach (var unknown in events.Where(e => !EventTypes.Contains(e)))
        {
            r.Error(
                r.Raw("events"),
                "events",
                $"Unknown event type {Echo.Text(unknown)} in [{Echo.Text(section.Name)}] events"
            );
        }
        if (r.Read("redirect_stderr", "false", names, ValueParsers.Boolean, false))
        {
            r.Error(
                r.Raw("redirect_stderr"),
                "redirect_stderr",
                $"[{Echo.Text(section.Name)}] section sets redirect_stderr=true but this is not allowed because it will interfere with the eventlistener protocol"
            );
        }
        var processes = programs.Bind(section, poolName).Processes;
        if (processes is not null && !r.Failed)
        {
            groups.Add(
                new ProcessGroupConfig(
                    poolName,
                    priority,
                    GroupKind.EventListener,
                    processes.ToValueList(),
                    EventListener: new EventListenerSettings(events.ToValueList(), bufferSize, handler)
                )
            );
        }
    }
}
