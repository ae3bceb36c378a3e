using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// Scaling in place (beyond Supervisor, issue 14): when the only change to a group is processes added or removed
/// (numprocs of a program, or a member program of a [group:x]) and every process present before and after has the
/// same configuration, update adds and removes the difference and leaves the running processes alone. Removal goes
/// from the end of the group's order (the highest process numbers first). Anything else changed is a restart of the
/// whole group, as in Supervisor. Event-listener pools and fcgi-programs are always restarted.
/// </summary>
public sealed partial class ProcessRegistry
{
    /// <returns>The process names added and removed, or null when the change cannot be applied in place.</returns>
    public async Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)?> ResizeAsync(
        ProcessGroupConfig next,
        CancellationToken cancellationToken
    )
    {
        ProcessGroup replaced;
        List<SupervisedProcess> removed;
        List<SupervisedProcess> added;
        lock (_gate)
        {
            var old = FindGroup(next.Name);
            if (old is null || !InPlace(old.Config, next))
            {
                return null;
            }
            var wanted = next.Processes.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var existing = old.Processes.ToDictionary(p => p.Name, StringComparer.Ordinal);
            removed =
            [
                .. old.Config.Processes.Reverse().Where(p => !wanted.Contains(p.Name)).Select(p => existing[p.Name]),
            ];
            added = [.. next.Processes.Where(p => !existing.ContainsKey(p.Name)).Select(p => Create(p, next.Name, -1))];
            var byName = existing.Values.Concat(added).ToDictionary(p => p.Name, StringComparer.Ordinal);
            replaced = new ProcessGroup(next, [.. next.Processes.Select(p => byName[p.Name])]);
            _groups = [.. _groups.Select(g => g == old ? replaced : g)];
        }
        foreach (var process in removed)
        {
            await process.StopAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForAsync(s => s.State.IsStopped(), cancellationToken).ConfigureAwait(false);
            await process.DisposeAsync().ConfigureAwait(false);
        }
        await AutostartAsync([new ProcessGroup(next, added)]).ConfigureAwait(false);
        return ([.. added.Select(p => p.Name)], [.. removed.Select(p => p.Name)]);
    }

    private static bool InPlace(ProcessGroupConfig old, ProcessGroupConfig next)
    {
        if (
            old == next
            || old.EventListener is not null
            || next.EventListener is not null
            || old.FcgiSocket is not null
            || next.FcgiSocket is not null
        )
        {
            return false;
        }
        if (old with { Processes = next.Processes } != next)
        {
            return false;
        }
        var before = old.Processes.ToDictionary(p => p.Name, StringComparer.Ordinal);
        return next.Processes.All(p => !before.TryGetValue(p.Name, out var was) || was == p);
    }
}
