using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The descendants of a program that its process group does not reach: a grandchild that called setsid() or made its
/// own group, and orphans that the daemon, as child subreaper, adopted when their parent died (a double fork). Found
/// by /proc ancestry from the program's pid, and for adopted orphans (parent: the daemon, not a program of ours) by
/// the SUPERVISOR_PROCESS_NAME and SUPERVISOR_GROUP_NAME that the program's environment passed down to them. Only
/// processes whose parent chain reaches the daemon are ever candidates, so another daemon's programs of the same name
/// are never touched. Used only for stopasgroup/killasgroup, whose promise is that the whole program stops.
/// </summary>
internal static class StrayProcesses
{
    /// <param name="isProgram">Whether a child of the daemon is one of its programs (those are never strays of another).</param>
    public static List<int> Find(int mainPid, string name, string group, Func<int, bool> isProgram)
    {
        var self = Environment.ProcessId;
        var table = ProcTable.Snapshot();
        var children = table.ToLookup(e => e.ParentPid, e => e.Pid);
        var groups = table.ToDictionary(e => e.Pid, e => e.Group);
        var roots = new List<int>();
        if (mainPid > 0)
        {
            roots.AddRange(children[mainPid]);
        }
        string[] marker = [$"SUPERVISOR_PROCESS_NAME={name}", $"SUPERVISOR_GROUP_NAME={group}"];
        roots.AddRange(
            children[self].Where(pid => pid != mainPid && !isProgram(pid) && ProcTable.EnvironmentHas(pid, marker))
        );

        var strays = new List<int>();
        var queue = new Queue<int>(roots);
        var seen = new HashSet<int>();
        while (queue.TryDequeue(out var pid))
        {
            if (seen.Add(pid))
            {
                // The group signal reaches the program's own process group already; a second signal could mean "hurry".
                if (mainPid <= 0 || groups.GetValueOrDefault(pid) != mainPid)
                {
                    strays.Add(pid);
                }
                foreach (var child in children[pid])
                {
                    queue.Enqueue(child);
                }
            }
        }
        return strays;
    }

    /// <summary>Signals each stray; one that is gone already is no error.</summary>
    public static int Signal(IEnumerable<int> strays, int signal)
    {
        var sent = 0;
        foreach (var pid in strays)
        {
            if (Signals.Send(pid, signal, toGroup: false).Outcome == Signals.Outcome.Sent)
            {
                sent++;
            }
        }
        return sent;
    }
}
