namespace Supervise.Supervisord.Processes.Planning;

/// <summary>
/// The processes a stop plan stopped only because something they depend on was stopped (<c>stop db</c> stops web).
/// When that dependency is started again (<c>start db</c>, <c>restart db</c>, or <c>update</c> re-adding its group),
/// they are started with it, so that restarting a dependency does not leave its dependents down. A process the user
/// stops or starts by name leaves the set.
/// </summary>
public sealed class DependencyStops
{
    // Guards _stopped: plans run on the control plane's threads, several at once.
    private readonly Lock _gate = new();
    private readonly HashSet<SupervisedProcess> _stopped = [];

    public void Add(SupervisedProcess process)
    {
        lock (_gate)
        {
            _stopped.Add(process);
        }
    }

    public void Remove(SupervisedProcess process)
    {
        lock (_gate)
        {
            _stopped.Remove(process);
        }
    }

    /// <summary>Takes the members among <paramref name="candidates"/> out of the set and returns them.</summary>
    public List<SupervisedProcess> Take(IEnumerable<SupervisedProcess> candidates)
    {
        lock (_gate)
        {
            return [.. candidates.Where(_stopped.Remove)];
        }
    }
}
