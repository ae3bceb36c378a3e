namespace Supervise.Supervisord.Operations;

/// <summary>reread / add / remove with Supervisor's group-level semantics (reference §2.11).</summary>
public sealed partial class ControlOperations
{
    /// <summary>reloadConfig: the groups added, changed and removed by the file as it is now; CANT_REREAD with its errors.</summary>
    public (IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed) Reread()
    {
        EnsureRunning();
        var (added, changed, removed, errors) = daemon.Reread();
        if (errors.Count > 0)
        {
            throw new SupervisorFault(FaultCode.CantReread, string.Join("\n", errors.Select(e => e.ToString())));
        }
        return (added, changed, removed);
    }

    /// <summary>addProcessGroup: starts a group of the last reread configuration.</summary>
    public async Task AddGroupAsync(string name)
    {
        EnsureRunning();
        var outcome = await daemon.AddGroupAsync(name).ConfigureAwait(false);
        switch (outcome)
        {
            case AddOutcome.Added:
                return;
            case AddOutcome.AlreadyActive:
                throw new SupervisorFault(FaultCode.AlreadyAdded, name);
            case AddOutcome.ShuttingDown:
                throw new SupervisorFault(FaultCode.ShutdownState);
            default:
                throw new SupervisorFault(FaultCode.BadName, name);
        }
    }

    /// <summary>Scaling in place for update (beyond Supervisor): null when the group must be restarted as a whole.</summary>
    public Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)?> ResizeGroupAsync(
        string name,
        CancellationToken cancellationToken
    )
    {
        EnsureRunning();
        return daemon.ResizeGroupAsync(name, cancellationToken);
    }

    /// <summary>removeProcessGroup: STILL_RUNNING while any of its processes is not stopped.</summary>
    public async Task RemoveGroupAsync(string name)
    {
        EnsureRunning();
        var group = TargetResolver.ResolveGroup(Registry, name);
        if (!await Registry.RemoveAsync(group).ConfigureAwait(false))
        {
            throw new SupervisorFault(FaultCode.StillRunning, name);
        }
    }
}
