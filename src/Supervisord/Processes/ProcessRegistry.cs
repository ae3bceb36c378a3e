using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The running process groups. Groups are added and removed by the control plane (add/remove/update) and by start-up
/// and reload; each change replaces an immutable, sorted list, so readers (status, lookups) never lock.
/// </summary>
public sealed class ProcessRegistry(ProcessHost host, DaemonSettings daemon) : IAsyncDisposable
{
    // Guards writers of _groups (add/remove); readers take the current array without locking.
    private readonly Lock _gate = new();
    private volatile ProcessGroup[] _groups = [];

    public ProcessHost Host { get; } = host;

    public DaemonSettings Daemon { get; } = daemon;

    /// <summary>Groups sorted by (priority, name): start order; stop order is the reverse.</summary>
    public IReadOnlyList<ProcessGroup> Groups => _groups;

    /// <summary>Every process, ordered as Supervisor's getAllProcessInfo: by group name, then process name.</summary>
    public IEnumerable<SupervisedProcess> AllByName =>
        _groups.OrderBy(g => g.Name, StringComparer.Ordinal)
            .SelectMany(g => g.Processes.OrderBy(p => p.Name, StringComparer.Ordinal));

    public ProcessGroup? FindGroup(string name) => _groups.FirstOrDefault(g => g.Name == name);

    /// <summary>Creates the group's actors (and AUTO log files); null when a group of that name is already active.</summary>
    public ProcessGroup? Add(ProcessGroupConfig config)
    {
        lock (_gate)
        {
            if (FindGroup(config.Name) is not null)
            {
                return null;
            }
            var processes = config.Processes.Select(p => Create(p, config.Name)).ToList();
            var group = new ProcessGroup(config, processes);
            _groups = [.. _groups.Append(group).OrderBy(g => g.Config.Priority).ThenBy(g => g.Name, StringComparer.Ordinal)];
            return group;
        }
    }

    /// <summary>Removes a group whose processes are all stopped; false when it is unknown or something still runs.</summary>
    public async Task<bool> RemoveAsync(ProcessGroup group)
    {
        lock (_gate)
        {
            if (group.Processes.Any(p => !p.Current.State.IsStopped()))
            {
                return false;
            }
            _groups = [.. _groups.Where(g => g != group)];
        }
        foreach (var process in group.Processes)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>
    /// Starts every autostart process of the group that never ran, in (priority, name) order, each spawn issued after
    /// the previous one (Supervisor spawns them all in one loop pass without waiting for RUNNING).
    /// </summary>
    public static async Task AutostartAsync(ProcessGroup group)
    {
        foreach (var process in group.Processes)
        {
            if (process.Config.Autostart && !process.Current.EverStarted)
            {
                process.Post(new StartRequested(Manual: false));
                await process.WaitForAsync(_ => true, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Supervisor's ordered shutdown: one group at a time, highest priority number first; the next group starts
    /// stopping as soon as the previous one has fully stopped.
    /// </summary>
    public async Task StopAllInOrderAsync(CancellationToken cancellationToken)
    {
        Host.MayRestart = false;
        foreach (var group in _groups.Reverse())
        {
            await group.StopAllAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void ReopenLogs()
    {
        foreach (var process in _groups.SelectMany(g => g.Processes))
        {
            process.Stdout.Reopen();
            process.Stderr.Reopen();
        }
    }

    public async ValueTask DisposeAsync()
    {
        ProcessGroup[] groups;
        lock (_gate)
        {
            groups = _groups;
            _groups = [];
        }
        foreach (var process in groups.SelectMany(g => g.Processes))
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SupervisedProcess Create(ProcessConfig config, string group)
    {
        var stdout = new ChannelLog(LogFileNames.Resolve(config.Stdout, config.Name, "stdout", Daemon), config.Stdout.MaxBytes, config.Stdout.Backups);
        var stderr = config.RedirectStderr
            ? new ChannelLog(null, 0, 0)
            : new ChannelLog(LogFileNames.Resolve(config.Stderr, config.Name, "stderr", Daemon), config.Stderr.MaxBytes, config.Stderr.Backups);
        return new SupervisedProcess(config, group, stdout, stderr, Host);
    }
}
