using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// What every process actor shares: the spawner, the reaper, the output reactor, the clock, the main log, the environment children
/// inherit, the event stream state changes are published to, and the registry's hooks (pids for the survivor record,
/// whether restarts are allowed at the moment).
/// </summary>
public sealed class ProcessHost(ProcessSpawner spawner, Reaper reaper, OutputReactor output, TimeProvider time, ILogger logger, ChildEnvironment environment, EventHub? events = null)
{
    public ProcessSpawner Spawner { get; } = spawner;

    public Reaper Reaper { get; } = reaper;

    /// <summary>Reads every child's stdout and stderr into their logs.</summary>
    public OutputReactor Output { get; } = output;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public ChildEnvironment Environment { get; } = environment;

    /// <summary>kill(2); specs replace it to make a kill fail.</summary>
    public ISignalSender Signals { get; init; } = KillSignalSender.Instance;

    /// <summary>The one event stream; the registry exposes it to everything else.</summary>
    internal EventHub Events { get; } = events ?? new EventHub(time);

    /// <summary>[supervisord] strip_ansi: remove ANSI escapes from child output before logging.</summary>
    public bool StripAnsi { get; init; }

    /// <summary>False while the daemon shuts down or reloads: exits then never lead to restarts.</summary>
    public volatile bool MayRestart = true;

    public event Action<SupervisedProcess, int>? Spawned;

    public event Action<SupervisedProcess, int>? Reaped;

    public SpawnRequest CreateSpawnRequest(SupervisedProcess process) => Environment.CreateRequest(process.Config, process.Group);

    /// <summary>Called by the actor for each transition: publishes it as a typed event.</summary>
    internal void OnStateChanged(SupervisedProcess process, StateChanged change) =>
        Events.Publish(new ProcessStateChanged(process.Name, process.Group, change.From.Name(), change.To.Name(), change.Pid, change.Tries, change.Expected));

    internal void OnSpawned(SupervisedProcess process, int pid) => Spawned?.Invoke(process, pid);

    internal void OnReaped(SupervisedProcess process, int pid) => Reaped?.Invoke(process, pid);
}
