using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Processes.Planning;

/// <summary>
/// Carries out <see cref="StartPlanner"/>'s plans on the actors. Starts are issued level by level (group priority,
/// then priority), each level's commands together, the next once they are answered; like Supervisor, nothing waits for
/// RUNNING between levels. A process whose dependencies are not ready is held (STARTING, "waiting for ...") and
/// released by a task that waits on their snapshots, so a dependency may come at any level. Stops go dependents
/// first: each process's stop is sent once everything that depends on it has stopped.
/// </summary>
/// <param name="stops">The registry's record of dependents stopped with their dependency; null keeps none.</param>
public sealed class PlanRunner(IReadOnlyList<ProcessGroup> groups, DependencyStops? stops = null)
{
    private readonly DependencyGraph _graph = new(groups);

    /// <summary>
    /// Starts <paramref name="requested"/> through <paramref name="begin"/> (given the hold text, or null to start at
    /// once; it completes when the command is answered), and what they depend on with plain starts.
    /// </summary>
    public async Task StartAsync(
        IEnumerable<SupervisedProcess> requested,
        Func<SupervisedProcess, string?, Task> begin,
        bool manual
    )
    {
        var asked = requested.Select(p => p.Current.Namespec).ToHashSet(StringComparer.Ordinal);
        var wanted = new HashSet<string>(asked, StringComparer.Ordinal);
        if (stops is not null && _graph.HasDependencies)
        {
            foreach (var process in requested)
            {
                stops.Remove(process);
            }
            // Dependents that were stopped with one of these come back with it.
            var dependents = StartPlanner.Stop(_graph.Nodes, asked).Select(step => _graph[step.Id]);
            wanted.UnionWith(
                stops.Take(dependents).Where(p => p.Current.State.IsStopped()).Select(p => p.Current.Namespec)
            );
        }
        var plan = StartPlanner.Start(_graph.Nodes, wanted);
        var nodes = _graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var levels = plan.GroupBy(step => (nodes[step.Id].GroupPriority, nodes[step.Id].Priority))
            .OrderBy(level => level.Key);
        var held = new List<(SupervisedProcess Process, IReadOnlyList<SupervisedProcess> Dependencies)>();
        foreach (var level in levels)
        {
            var commands = new List<Task>();
            foreach (var step in level)
            {
                var process = _graph[step.Id];
                var dependencies = step.WaitFor.Select(id => _graph[id]).ToList();
                var unready = dependencies
                    .Where(d => d.Current.State != ProcessState.Running)
                    .Select(d => d.Current.Namespec)
                    .ToList();
                var waitingFor = unready.Count == 0 ? null : "waiting for " + string.Join(", ", unready);
                if (waitingFor is not null)
                {
                    held.Add((process, dependencies));
                }
                if (asked.Contains(step.Id))
                {
                    commands.Add(begin(process, waitingFor));
                }
                else if (process.Current.State is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal)
                {
                    commands.Add(
                        waitingFor is not null ? process.HoldAsync(waitingFor, manual)
                        : manual ? process.StartAsync()
                        : process.AutostartAsync()
                    );
                }
            }
            await Task.WhenAll(commands).ConfigureAwait(false);
        }
        // Only now, once every dependency's start was sent, may a dependency's state be read as its outcome.
        foreach (var (process, dependencies) in held.Where(h => h.Process.Current.Waiting))
        {
            _ = ReleaseWhenReadyAsync(process, dependencies);
        }
    }

    /// <summary>Stops <paramref name="requested"/> through <paramref name="begin"/>, and first whatever runs that depends on them.</summary>
    public async Task StopAsync(
        IEnumerable<SupervisedProcess> requested,
        Func<SupervisedProcess, Task> begin,
        CancellationToken cancellationToken
    )
    {
        var asked = requested.Select(p => p.Current.Namespec).ToHashSet(StringComparer.Ordinal);
        var stopped = new Dictionary<string, Task>(StringComparer.Ordinal);
        var plan = StartPlanner.Stop(_graph.Nodes, asked);
        var awaited = plan.SelectMany(step => step.WaitFor).ToHashSet(StringComparer.Ordinal);
        foreach (var step in plan)
        {
            var waitFor = step.WaitFor.Select(id => stopped[id]).ToList();
            stopped[step.Id] = StopStepAsync(
                _graph[step.Id],
                asked.Contains(step.Id),
                awaited.Contains(step.Id),
                waitFor,
                begin,
                cancellationToken
            );
        }
        await Task.WhenAll(stopped.Values).ConfigureAwait(false);
    }

    /// <summary>Shutdown: stage by stage (see <see cref="StartPlanner.Shutdown"/>), each completely stopped before the next.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        foreach (var stage in StartPlanner.Shutdown(_graph.Nodes))
        {
            await Task.WhenAll(
                    stage.Reverse().Select(id => ProcessGroup.StopForShutdownAsync(_graph[id], cancellationToken))
                )
                .ConfigureAwait(false);
        }
    }

    /// <param name="awaited">Something else stops after this process: then the step lasts until it has stopped.</param>
    private async Task StopStepAsync(
        SupervisedProcess process,
        bool asked,
        bool awaited,
        List<Task> dependents,
        Func<SupervisedProcess, Task> begin,
        CancellationToken cancellationToken
    )
    {
        await Task.WhenAll(dependents).ConfigureAwait(false);
        if (asked)
        {
            stops?.Remove(process);
            await begin(process).ConfigureAwait(false);
        }
        else if (process.Current.State.IsRunning())
        {
            stops?.Add(process);
            await process.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return;
        }
        if (awaited)
        {
            await process.WaitForAsync(s => s.State.IsStopped(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ReleaseWhenReadyAsync(
        SupervisedProcess process,
        IReadOnlyList<SupervisedProcess> dependencies
    )
    {
        using var done = new CancellationTokenSource();
        var left = process.WaitForAsync(s => !s.Waiting, done.Token);
        var pending = dependencies
            .Select(d => d.WaitForAsync(s => IsReady(s) || IsHopeless(s), done.Token))
            .ToList<Task>();
        pending.Add(left);
        try
        {
            while (true)
            {
                var first = await Task.WhenAny(pending).ConfigureAwait(false);
                if (first == left)
                {
                    return; // stopped (or otherwise moved on) while it waited
                }
                var snapshot = await ((Task<ProcessSnapshot>)first).ConfigureAwait(false);
                if (IsHopeless(snapshot))
                {
                    await process
                        .AbandonAsync($"dependency {snapshot.Namespec} is {snapshot.State.Name()}")
                        .ConfigureAwait(false);
                    return;
                }
                pending.Remove(first);
                if (pending.Count == 1)
                {
                    await process.ReleaseAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>RUNNING (after its ready= probe), or EXITED after running: a one-shot job that finished counts as done.</summary>
    private static bool IsReady(ProcessSnapshot s) => s.State is ProcessState.Running or ProcessState.Exited;

    private static bool IsHopeless(ProcessSnapshot s) =>
        s.State is ProcessState.Fatal or ProcessState.Stopped or ProcessState.Unknown;
}
