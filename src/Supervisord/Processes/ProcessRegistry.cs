using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The running process groups. Groups are added and removed by the control plane (add/remove/update) and by start-up
/// and reload; each change replaces an immutable, sorted list, so readers (status, lookups) never lock.
/// </summary>
public sealed partial class ProcessRegistry : IAsyncDisposable
{
    private readonly Dictionary<string, (EventListenerPool Pool, IDisposable Subscription)> _pools = [];

    private readonly ProcessServices _services;
    private readonly IProcessLifecycle _lifecycle;

    // Closed once, when shutdown begins: from then on no exit restarts.
    private readonly RestartGate _restarts = new();

    /// <param name="services">What every actor uses to spawn, signal, reap and log its children.</param>
    /// <param name="events">The one event stream: listener pools, WatchEvents and metrics read it.</param>
    /// <param name="lifecycle">Hears of every spawn and reap (the survivor record).</param>
    public ProcessRegistry(
        ProcessServices services,
        EventHub events,
        IProcessLifecycle lifecycle,
        DaemonSettings daemon
    )
    {
        _services = services;
        _lifecycle = lifecycle;
        Events = events;
        Daemon = daemon;
    }

    // Guards writers of _groups (add/remove); readers take the current array without locking.
    private readonly Lock _gate = new();
    private volatile ProcessGroup[] _groups = [];

    /// <summary>Dependents stopped with their dependency, started again with it (see <see cref="Planning.DependencyStops"/>).</summary>
    public Planning.DependencyStops DependencyStops { get; } = new();

    public DaemonSettings Daemon { get; }

    /// <summary>The one event stream: listener pools, WatchEvents and metrics read it.</summary>
    public EventHub Events { get; }

    /// <summary>Groups sorted by (priority, name): start order; stop order is the reverse.</summary>
    public IReadOnlyList<ProcessGroup> Groups => _groups;

    // AllByName's list, sorted once per change of _groups (every add, remove and resize replaces the array).
    private volatile ByName? _byName;

    /// <summary>
    /// Every process, ordered as Supervisor's getAllProcessInfo: by group name, then process name. The same list
    /// instance until the groups change, so a reader may key a cache on it.
    /// </summary>
    public IReadOnlyList<SupervisedProcess> AllByName
    {
        get
        {
            var groups = _groups;
            if (_byName is { } known && ReferenceEquals(known.Groups, groups))
            {
                return known.Processes;
            }
            SupervisedProcess[] sorted =
            [
                .. groups
                    .OrderBy(g => g.Name, StringComparer.Ordinal)
                    .SelectMany(g => g.Processes.OrderBy(p => p.Name, StringComparer.Ordinal)),
            ];
            _byName = new ByName(groups, sorted);
            return sorted;
        }
    }

    private sealed record ByName(ProcessGroup[] Groups, SupervisedProcess[] Processes);

    /// <summary>The event-listener pools of the active groups, for metrics.</summary>
    public IReadOnlyList<EventListenerPool> Pools
    {
        get
        {
            lock (_gate)
            {
                return [.. _pools.Values.Select(p => p.Pool)];
            }
        }
    }

    public ProcessGroup? FindGroup(string name) => _groups.FirstOrDefault(g => g.Name == name);

    private FcgiSocket? OpenSocket(FcgiSocketSettings settings)
    {
        try
        {
            return new FcgiSocket(settings);
        }
        catch (Exception exception)
            when (exception
                    is System.Net.Sockets.SocketException
                        or IOException
                        or UnauthorizedAccessException
                        or UriFormatException
            )
        {
            // Supervisor's message; the group's processes then start with an ordinary stdin pipe.
            LogSocketFailed(_services.Logger, settings.Socket, exception.Message);
            return null;
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(
        EventId = ProcessLogEvents.FcgiSocketFailed,
        Level = Microsoft.Extensions.Logging.LogLevel.Critical,
        Message = "Could not create FastCGI socket {Socket}: {Reason}"
    )]
    private static partial void LogSocketFailed(
        Microsoft.Extensions.Logging.ILogger logger,
        string socket,
        string reason
    );

    /// <summary>Creates the group's actors (and AUTO log files); null when a group of that name is already active.</summary>
    public ProcessGroup? Add(ProcessGroupConfig config)
    {
        lock (_gate)
        {
            if (FindGroup(config.Name) is not null)
            {
                return null;
            }
            var socket = config.FcgiSocket is { } fcgi ? OpenSocket(fcgi) : null;
            var processes = config.Processes.Select(p => Create(p, config.Name, socket?.Fd ?? -1)).ToList();
            var group = new ProcessGroup(config, processes, socket);
            if (config.EventListener is { } listener)
            {
                _pools[config.Name] = Subscribe(group, listener);
            }
            _groups =
            [
                .. _groups.Append(group).OrderBy(g => g.Config.Priority).ThenBy(g => g.Name, StringComparer.Ordinal),
            ];
            Events.Publish(new ProcessGroupAdded(config.Name));
            return group;
        }
    }

    /// <summary>Removes a group whose processes are all stopped; false when it is unknown or something still runs.</summary>
    public async Task<bool> RemoveAsync(ProcessGroup group)
    {
        EventListenerPool? removed = null;
        lock (_gate)
        {
            if (group.Processes.Any(p => !p.Current.State.IsStopped()))
            {
                return false;
            }
            _groups = [.. _groups.Where(g => g != group)];
            if (_pools.Remove(group.Name, out var entry))
            {
                entry.Subscription.Dispose();
                removed = entry.Pool;
            }
        }
        Events.Publish(new ProcessGroupRemoved(group.Name));
        if (removed is not null)
        {
            await removed.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var process in group.Processes)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
        group.Socket?.Dispose();
        return true;
    }

    /// <summary>
    /// Starts every autostart process of these groups that never ran, and what they depend on, in the planner's order
    /// (<see cref="Planning.PlanRunner"/>): by (group priority, process priority) level, the spawns of one level issued
    /// together (posix_spawn waits for the child's exec, so spawning them one at a time would leave cores idle), the
    /// next level once they are all spawned. Like Supervisor, nothing waits for RUNNING, except a process that
    /// depends on another: it is held in STARTING until its dependencies are ready.
    /// </summary>
    public Task AutostartAsync(IEnumerable<ProcessGroup> groups)
    {
        var wanted = groups
            .SelectMany(g => g.Processes)
            .Where(p => p.Config.Autostart && !p.Current.EverStarted)
            .ToList();
        return new Planning.PlanRunner(_groups, DependencyStops).StartAsync(
            wanted,
            (process, waitingFor) =>
                waitingFor is null ? process.AutostartAsync() : process.HoldAsync(waitingFor, manual: false),
            manual: false
        );
    }

    /// <summary>
    /// Supervisor's ordered shutdown: one group at a time, highest priority number first; the next group starts
    /// stopping as soon as the previous one has fully stopped. A process stops only after what depends on it.
    /// </summary>
    public async Task StopAllInOrderAsync(CancellationToken cancellationToken)
    {
        _restarts.Close();
        await new Planning.PlanRunner(_groups).ShutdownAsync(cancellationToken).ConfigureAwait(false);
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
        List<(EventListenerPool Pool, IDisposable Subscription)> pools;
        lock (_gate)
        {
            groups = _groups;
            _groups = [];
            pools = [.. _pools.Values];
            _pools.Clear();
        }
        foreach (var (pool, subscription) in pools)
        {
            subscription.Dispose();
            await pool.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var process in groups.SelectMany(g => g.Processes))
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var group in groups)
        {
            group.Socket?.Dispose();
        }
    }

    /// <summary>A listener group's pool, reading the event stream and its listeners' stdout.</summary>
    private (EventListenerPool, IDisposable) Subscribe(ProcessGroup group, EventListenerSettings settings)
    {
        var pool = new EventListenerPool(
            group.Name,
            group.Processes.Select(p => new ListenerProcess(p)),
            new EventSubscription(settings.Events),
            settings.BufferSize,
            Daemon.Identifier,
            _services.Logger
        );
        foreach (var process in group.Processes)
        {
            var name = process.Name;
            process.Stdout.Tap = data => pool.OnOutput(name, data);
        }
        return (pool, Events.Subscribe(pool));
    }

    private SupervisedProcess Create(ProcessConfig config, string group, int stdinFd)
    {
        var stdout = new ChannelLog(
            LogFileNames.Resolve(config.Stdout, config.Name, "stdout", Daemon),
            config.Stdout.MaxBytes,
            config.Stdout.Backups,
            config.Stdout.Target == LogTarget.Auto
        );
        var stderr = config.RedirectStderr
            ? new ChannelLog(null, 0, 0)
            : new ChannelLog(
                LogFileNames.Resolve(config.Stderr, config.Name, "stderr", Daemon),
                config.Stderr.MaxBytes,
                config.Stderr.Backups,
                config.Stderr.Target == LogTarget.Auto
            );
        return new SupervisedProcess(config, group, stdout, stderr, _services, Events, _restarts, _lifecycle)
        {
            StdinFd = stdinFd,
        };
    }
}
