namespace Supervise.Supervisord.Processes.Planning;

/// <summary>One process as the planner sees it: its place in Supervisor's priority order and what it depends on.</summary>
/// <param name="Id">The namespec, unique in the registry.</param>
/// <param name="DependsOn">The ids of the processes it depends on (depends_on= names already resolved).</param>
public sealed record PlanNode(
    string Id,
    string Group,
    int GroupPriority,
    int Priority,
    IReadOnlyList<string> DependsOn
);

/// <summary>One step of a start or stop plan: the process, and the processes it waits for before its command is sent.</summary>
/// <param name="WaitFor">For a start, the dependencies that must be ready; for a stop, the dependents that must be stopped.</param>
public sealed record PlanStep(string Id, IReadOnlyList<string> WaitFor);
