namespace Supervise.Supervisord.Events;

/// <summary>
/// A pool's <c>events=</c> line (reference §5.1): subscribing to an abstract type (EVENT, PROCESS_STATE, TICK, …)
/// means every type under it, as Supervisor's isinstance check does.
/// </summary>
public sealed class EventSubscription
{
    private static readonly string[] Abstract =
    [
        "PROCESS_STATE",
        "PROCESS_LOG",
        "PROCESS_COMMUNICATION",
        "SUPERVISOR_STATE_CHANGE",
        "TICK",
        "PROCESS_GROUP",
    ];

    public EventSubscription(IEnumerable<string> names) => Names = [.. names.Select(n => n.Trim().ToUpperInvariant())];

    public IReadOnlyList<string> Names { get; }

    public bool Matches(SupervisorEvent published) => Matches(EventText.TypeName(published));

    public bool Matches(string typeName) =>
        Names.Any(s =>
            s == "EVENT"
            || s == typeName
            || (Abstract.Contains(s) && typeName.StartsWith(s + "_", StringComparison.Ordinal))
        );
}
