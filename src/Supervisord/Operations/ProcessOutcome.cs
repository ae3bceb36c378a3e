namespace Supervise.Supervisord.Operations;

/// <summary>
/// What a start, stop, signal or clear did to one process: Supervisor's {name, group, status, description} struct of
/// the group and "all" variants, with SUCCESS and "OK" when it worked.
/// </summary>
public sealed record ProcessOutcome(string Name, string Group, FaultCode Code, string Description)
{
    public bool Succeeded => Code == FaultCode.Success;
}

/// <summary>The outcomes of an operation on a target, and whether the target named one process (not a group or all).</summary>
public sealed record TargetOutcome(IReadOnlyList<ProcessOutcome> Results, bool Single);
