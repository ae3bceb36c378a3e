using Supervise.Supervisord.Configuration.Binding;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Validation;

/// <summary>
/// The checks depends_on needs the whole configuration for: every name is a program or a group, and the programs do
/// not depend on each other in a circle. A group name stands for each of its member programs. Each cycle is one error,
/// at the depends_on of its first member, naming every member in the order of the circle.
/// </summary>
internal static class DependencyValidator
{
    public static void Validate(
        IReadOnlyList<ProcessGroupConfig> groups,
        IReadOnlyDictionary<string, (RawValue Raw, string Section, IReadOnlyList<string> Names)> sources,
        DiagnosticBag bag
    )
    {
        if (sources.Count == 0)
        {
            return;
        }
        var members = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var process in group.Processes)
            {
                Add(members, process.ProgramName, process.ProgramName);
                Add(members, group.Name, process.ProgramName);
            }
        }
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (program, (raw, section, names)) in sources)
        {
            var targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (members.TryGetValue(name, out var programs))
                {
                    targets.UnionWith(programs);
                }
                else
                {
                    bag.Error(
                        raw,
                        section,
                        "depends_on",
                        $"names {Echo.Repr(name)}, which is neither a program nor a group"
                    );
                }
            }
            edges[program] = targets;
        }
        foreach (var cycle in Cycles.Find(edges))
        {
            var (raw, section, _) = sources[cycle[0]];
            var isCircle = cycle.Select((node, i) => edges[node].Contains(cycle[(i + 1) % cycle.Count])).All(b => b);
            bag.Error(
                raw,
                section,
                "depends_on",
                isCircle
                    ? $"dependency cycle: {string.Join(" -> ", cycle.Append(cycle[0]))}"
                    : $"dependency cycle among {string.Join(", ", cycle)}"
            );
        }
    }

    private static void Add(Dictionary<string, SortedSet<string>> members, string name, string program)
    {
        if (!members.TryGetValue(name, out var set))
        {
            members[name] = set = new SortedSet<string>(StringComparer.Ordinal);
        }
        set.Add(program);
    }
}
