namespace Supervise.Supervisord.Processes.Planning;

/// <summary>
/// The one place that orders starts and stops, over priority and depends_on. Pure: nodes in, an ordered plan out.
/// Without dependencies every plan is Supervisor's order: starts by (group priority, priority, group, name), shutdown
/// one group at a time from the highest priority number down. Dependencies come first in a start, dependents first in
/// a stop. A start pulls in what the requested processes depend on, a stop what depends on them. Configuration
/// validation refuses cycles; should a graph still contain one, its members are appended in priority order without
/// waiting on each other, so that nothing deadlocks.
/// </summary>
public static class StartPlanner
{
    /// <summary>The requested processes and everything they depend on, dependencies first.</summary>
    public static IReadOnlyList<PlanStep> Start(IReadOnlyList<PlanNode> nodes, IEnumerable<string> requested)
    {
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var closure = Closure(requested, id => byId.TryGetValue(id, out var n) ? n.DependsOn : []);
        var order = Topological(closure.Select(id => byId[id]), n => n.DependsOn, StartOrder);
        return [.. order.Select(n => new PlanStep(n.Id, [.. n.DependsOn.Where(closure.Contains)]))];
    }

    /// <summary>The requested processes and everything that depends on them, dependents first.</summary>
    public static IReadOnlyList<PlanStep> Stop(IReadOnlyList<PlanNode> nodes, IEnumerable<string> requested)
    {
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var dependents = Dependents(nodes);
        var closure = Closure(requested, id => dependents.GetValueOrDefault(id) ?? []);
        var order = Topological(
            closure.Select(id => byId[id]),
            n => dependents.GetValueOrDefault(n.Id) ?? [],
            StopOrder
        );
        return
        [
            .. order.Select(n => new PlanStep(
                n.Id,
                [.. (dependents.GetValueOrDefault(n.Id) ?? []).Where(closure.Contains)]
            )),
        ];
    }

    /// <summary>
    /// Shutdown's stages, each stopped together and completely before the next: the groups from the highest priority
    /// number down (Supervisor's order), but a process stops only after everything that depends on it has stopped.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Shutdown(IReadOnlyList<PlanNode> nodes)
    {
        var dependents = Dependents(nodes);
        var groups = nodes
            .GroupBy(n => n.Group)
            .OrderByDescending(g => g.First().GroupPriority)
            .ThenByDescending(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var remaining = new HashSet<string>(nodes.Select(n => n.Id), StringComparer.Ordinal);
        var stages = new List<IReadOnlyList<string>>();
        while (remaining.Count > 0)
        {
            var free = remaining
                .Where(id => !(dependents.GetValueOrDefault(id) ?? []).Any(remaining.Contains))
                .ToHashSet(StringComparer.Ordinal);
            // A cycle leaves nothing free: stop what is left of the first group regardless.
            var group =
                groups.FirstOrDefault(g => g.Any(n => free.Contains(n.Id)))
                ?? groups.First(g => g.Any(n => remaining.Contains(n.Id)));
            var stage = group
                .Where(n => free.Count == 0 ? remaining.Contains(n.Id) : free.Contains(n.Id))
                .Select(n => n.Id)
                .ToList();
            stages.Add(stage);
            remaining.ExceptWith(stage);
        }
        return stages;
    }

    private static int StartOrder(PlanNode a, PlanNode b)
    {
        var c = a.GroupPriority.CompareTo(b.GroupPriority);
        c = c != 0 ? c : a.Priority.CompareTo(b.Priority);
        c = c != 0 ? c : string.CompareOrdinal(a.Group, b.Group);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private static int StopOrder(PlanNode a, PlanNode b) => StartOrder(b, a);

    private static Dictionary<string, List<string>> Dependents(IReadOnlyList<PlanNode> nodes)
    {
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var dependency in node.DependsOn)
            {
                if (!dependents.TryGetValue(dependency, out var list))
                {
                    dependents[dependency] = list = [];
                }
                list.Add(node.Id);
            }
        }
        return dependents;
    }

    private static HashSet<string> Closure(IEnumerable<string> start, Func<string, IReadOnlyList<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(start);
        while (pending.TryPop(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var n in next(id))
                {
                    pending.Push(n);
                }
            }
        }
        return seen;
    }

    /// <summary>Kahn's algorithm: among the nodes whose prerequisites are placed, always the first by <paramref name="order"/>.</summary>
    private static List<PlanNode> Topological(
        IEnumerable<PlanNode> nodes,
        Func<PlanNode, IReadOnlyList<string>> prerequisites,
        Comparison<PlanNode> order
    )
    {
        var pending = nodes.ToList();
        pending.Sort(order);
        var inside = new HashSet<string>(pending.Select(n => n.Id), StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<PlanNode>();
        while (pending.Count > 0)
        {
            var index = pending.FindIndex(n => prerequisites(n).All(p => !inside.Contains(p) || placed.Contains(p)));
            var next = pending[index < 0 ? 0 : index];
            pending.Remove(next);
            placed.Add(next.Id);
            result.Add(next);
        }
        return result;
    }
}
