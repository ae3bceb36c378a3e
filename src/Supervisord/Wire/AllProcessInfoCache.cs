using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// getAllProcessInfo's array, built once per (process list, every process's snapshot, wall-clock second) and handed
/// out again while none of them changes, so that a burst of pollers costs one build (and, through
/// <see cref="ReplyMemo"/>, one rendering). That is exact: a struct reads only the process's immutable snapshot, its
/// fixed log paths and <c>now</c>, and <c>now</c> counts only in whole seconds (the "now" member, and the uptime in
/// the description, which Supervisor also computes from whole seconds). The list is the registry's
/// <see cref="ProcessRegistry.AllByName"/>, a new instance whenever the groups change.
/// </summary>
public sealed class AllProcessInfoCache
{
    private volatile Entry? _last;

    public XmlRpcArray Get(IReadOnlyList<SupervisedProcess> processes, DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (
            _last is { } last
            && last.Second == second
            && ReferenceEquals(last.Processes, processes)
            && Unchanged(last.Snapshots, processes)
        )
        {
            return last.Value;
        }
        var snapshots = new ProcessSnapshot[processes.Count];
        var items = new XmlRpcValue[processes.Count];
        for (var i = 0; i < items.Length; i++)
        {
            // One read of each snapshot: the struct and the key are the same moment of the process.
            snapshots[i] = processes[i].Current;
            items[i] = ProcessInfoStruct.Of(processes[i], snapshots[i], now);
        }
        var value = new XmlRpcArray(items);
        _last = new Entry(processes, snapshots, second, value);
        return value;
    }

    private static bool Unchanged(ProcessSnapshot[] snapshots, IReadOnlyList<SupervisedProcess> processes)
    {
        for (var i = 0; i < snapshots.Length; i++)
        {
            if (!ReferenceEquals(snapshots[i], processes[i].Current))
            {
                return false;
            }
        }
        return true;
    }

    private sealed record Entry(
        IReadOnlyList<SupervisedProcess> Processes,
        ProcessSnapshot[] Snapshots,
        long Second,
        XmlRpcArray Value
    );
}
