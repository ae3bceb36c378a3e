namespace Supervise.Supervisord.Configuration.Validation;

/// <summary>
/// The circles of a directed graph: each strongly connected component with more than one node, or a node with an edge
/// to itself (Tarjan's algorithm). Each is returned once, as a walk around it that starts at its smallest name, so
/// that an error message names every member in an order the reader can follow.
/// </summary>
internal static class Cycles
{
    public static List<List<string>> Find(IReadOnlyDictionary<string, SortedSet<string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        foreach (var node in edges.Keys)
        {
            if (!index.ContainsKey(node))
            {
                Connect(node);
            }
        }
        return [.. components.Select(c => Walk(c, edges)).OrderBy(c => c[0], StringComparer.Ordinal)];

        void Connect(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Next(edges, node))
            {
                if (!index.ContainsKey(next))
                {
                    Connect(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] != index[node])
            {
                return;
            }
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            if (component.Count > 1 || Next(edges, node).Contains(node))
            {
                components.Add(component);
            }
        }
    }

    private static IEnumerable<string> Next(IReadOnlyDictionary<string, SortedSet<string>> edges, string node) =>
        edges.TryGetValue(node, out var next) ? next : [];

    /// <summary>A closed walk through the component from its smallest member that visits every member (a DFS order).</summary>
    private static List<string> Walk(List<string> component, IReadOnlyDictionary<string, SortedSet<string>> edges)
    {
        var inside = new HashSet<string>(component, StringComparer.Ordinal);
        var start = component.Min(StringComparer.Ordinal)!;
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(start);
        return order;

        void Visit(string node)
        {
            if (!seen.Add(node))
            {
                return;
            }
            order.Add(node);
            foreach (var next in Next(edges, node).Where(inside.Contains))
            {
                Visit(next);
            }
        }
    }
}
