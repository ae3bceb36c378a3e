namespace Supervise.Supervisord.Processes.Planning;

/// <summary>
/// The registry's processes as planner nodes: each depends_on name resolves to the processes of the program of that
/// name, or else to every process of the group of that name. Names that match nothing running (a dependency removed
/// by update) are ignored.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, SupervisedProcess> _byId = new(StringComparer.Ordinal);

    public DependencyGraph(IReadOnlyList<ProcessGroup> groups)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var process in group.Processes)
            {
                _byId[process.Current.Namespec] = process;
                Add(byName, "program:" + process.Config.ProgramName, process.Current.Namespec);
                Add(byName, "group:" + group.Name, process.Current.Namespec);
            }
        }
        Nodes =
        [
            .. groups.SelectMany(g =>
                g.Processes.Select(p => new PlanNode(
                    p.Current.Namespec,
                    g.Name,
                    g.Config.Priority,
                    p.Config.Priority,
                    [
                        .. p
                            .Config.Readiness.DependsOn.SelectMany(name =>
                                byName.GetValueOrDefault("program:" + name)
                                ?? byName.GetValueOrDefault("group:" + name)
                                ?? []
                            )
                            .Where(id => id != p.Current.Namespec)
                            .Distinct(StringComparer.Ordinal),
                    ]
                ))
            ),
        ];
        HasDependencies = Nodes.Any(n => n.DependsOn.Count > 0);
    }

    public IReadOnlyList<PlanNode> Nodes { get; }

    /// <summary>False for every Supervisor config: the plans are then Supervisor's priority order.</summary>
    public bool HasDependencies { get; }

    public SupervisedProcess this[string id] => _byId[id];

    private static void Add(Dictionary<string, List<string>> byName, string key, string id)
    {
        if (!byName.TryGetValue(key, out var list))
        {
            byName[key] = list = [];
        }
        list.Add(id);
    }
}
