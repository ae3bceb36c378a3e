using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Operations;

/// <summary>
/// The daemon's lifecycle and mood (Supervisor's SupervisorStates): start the configured groups, reread and apply
/// configuration, and the ordered stop that shutdown and reload share. Control calls into it; signals call into it.
/// </summary>
public sealed partial class SupervisorDaemon(
    string configPath,
    SupervisorConfig config,
    ProcessRegistry registry,
    ILogger logger
)
{
    private readonly TaskCompletionSource<DaemonExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopping;

    public string ConfigPath { get; } = configPath;

    /// <summary>The configuration the running groups came from.</summary>
    public SupervisorConfig Config { get; private set; } = config;

    /// <summary>The configuration last parsed by reread; add/update/avail use it (Supervisor's reloadConfig).</summary>
    public SupervisorConfig Parsed { get; private set; } = config;

    public ProcessRegistry Registry { get; } = registry;

    public SupervisorMood Mood { get; private set; } = SupervisorMood.Running;

    /// <summary>Completes when the daemon should exit or reload, after everything was stopped.</summary>
    public Task<DaemonExit> Exit => _exit.Task;

    public async Task StartAsync()
    {
        foreach (var group in Config.Groups)
        {
            Registry.Add(group);
        }
        Registry.Events.Publish(new SupervisorStateChanged(SupervisorPhase.Running));
        await Registry.AutostartAsync(Registry.Groups).ConfigureAwait(false);
    }

    /// <summary>Parses the configuration again without applying it; returns the errors instead when it is invalid.</summary>
    public (
        IReadOnlyList<string> Added,
        IReadOnlyList<string> Changed,
        IReadOnlyList<string> Removed,
        IReadOnlyList<ConfigDiagnostic> Errors
    ) Reread()
    {
        var result = ConfigLoader.Load(ConfigPath);
        if (!result.Succeeded)
        {
            return ([], [], [], result.Errors);
        }
        Parsed = result.Config!;
        var active = Registry.Groups.ToDictionary(g => g.Name, g => g.Config);
        var fresh = Parsed.Groups.ToDictionary(g => g.Name);
        var added = fresh.Keys.Where(name => !active.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var removed = active.Keys.Where(name => !fresh.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var changed = fresh
            .Keys.Where(name => active.TryGetValue(name, out var old) && old != fresh[name])
            .Order(StringComparer.Ordinal)
            .ToList();
        return (added, changed, removed, []);
    }

    /// <summary>Starts a group from the last parsed configuration (Supervisor's addProcessGroup).</summary>
    public async Task<AddOutcome> AddGroupAsync(string name)
    {
        if (Mood != SupervisorMood.Running)
        {
            return AddOutcome.ShuttingDown;
        }
        var config = Parsed.Groups.FirstOrDefault(g => g.Name == name);
        if (config is null)
        {
            return AddOutcome.Unknown;
        }
        var group = Registry.Add(config);
        if (group is null)
        {
            return AddOutcome.AlreadyActive;
        }
        await Registry.AutostartAsync([group]).ConfigureAwait(false);
        return AddOutcome.Added;
    }

    /// <summary>Scaling in place: applies a changed group of the last parsed configuration without a restart, or null.</summary>
    public async Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)?> ResizeGroupAsync(
        string name,
        CancellationToken cancellationToken
    )
    {
        var config = Parsed.Groups.FirstOrDefault(g => g.Name == name);
        return Mood != SupervisorMood.Running || config is null
            ? null
            : await Registry.ResizeAsync(config, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins shutdown (or reload): returns false when one is already under way.</summary>
    public bool RequestStop(DaemonExit reason)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            return false;
        }
        Mood = reason == DaemonExit.Reload ? SupervisorMood.Restarting : SupervisorMood.Shutdown;
        Registry.Events.Publish(new SupervisorStateChanged(SupervisorPhase.Stopping));
        _ = Task.Run(async () =>
        {
            try
            {
                await Registry.StopAllInOrderAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogStopFailed(logger, exception);
            }
            _exit.TrySetResult(reason);
        });
        return true;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "error while stopping processes")]
    private static partial void LogStopFailed(ILogger logger, Exception exception);
}

/// <summary>Supervisor's SupervisorStates, with its codes.</summary>
public enum SupervisorMood
{
    Shutdown = -1,
    Restarting = 0,
    Running = 1,
}

public enum DaemonExit
{
    Shutdown,
    Reload,
}

public enum AddOutcome
{
    Added,
    AlreadyActive,
    Unknown,
    ShuttingDown,
}
