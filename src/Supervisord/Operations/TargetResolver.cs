using Supervise.Naming;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Operations;

/// <summary>
/// Resolves Supervisor's name forms (split_namespec): "all", "group:*" or "group:" (the whole group), "group:name",
/// and "name" (group and process of the same name). Unknown names are the BAD_NAME fault.
/// </summary>
public static class TargetResolver
{
    /// <returns>The processes, and whether the target named one process (rather than a group or all).</returns>
    public static (IReadOnlyList<SupervisedProcess> Processes, bool Single) Resolve(
        ProcessRegistry registry,
        string target
    )
    {
        if (target == "all")
        {
            return (registry.Groups.SelectMany(g => g.Processes).ToList(), false);
        }
        var (groupName, processName) = ProcessName.Split(target);
        var group = registry.FindGroup(groupName) ?? throw new SupervisorFault(FaultCode.BadName, target);
        if (processName is null)
        {
            return (group.Processes, false);
        }
        var process = group.Find(processName) ?? throw new SupervisorFault(FaultCode.BadName, target);
        return ([process], true);
    }

    public static SupervisedProcess ResolveOne(ProcessRegistry registry, string name)
    {
        var (processes, single) = Resolve(registry, name);
        return single ? processes[0] : throw new SupervisorFault(FaultCode.BadName, name);
    }

    /// <summary>A group by name (Supervisor's startProcessGroup etc.); BAD_NAME when there is none.</summary>
    public static ProcessGroup ResolveGroup(ProcessRegistry registry, string name) =>
        registry.FindGroup(name) ?? throw new SupervisorFault(FaultCode.BadName, name);
}
