using Supervise.Supervisord.Events;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Processes.Planning;

namespace Supervise.Supervisord.Operations;

/// <summary>
/// What the control surfaces can ask of the daemon, with Supervisor's rpcinterface semantics and faults, and no wire
/// types: gRPC, XML-RPC and the web page are adapters over this. Failures are <see cref="SupervisorFault"/>s; results
/// per process are <see cref="ProcessOutcome"/>s. Queries read immutable snapshots and never block the actors.
/// </summary>
public sealed partial class ControlOperations(SupervisorDaemon daemon, TimeProvider time, MainLog mainLog)
{
    public SupervisorDaemon Daemon => daemon;

    public ProcessRegistry Registry => daemon.Registry;

    public TimeProvider Time => time;

    public SupervisorMood Mood => daemon.Mood;

    public string Identification => daemon.Config.Daemon.Identifier;

    /// <summary>Every process, ordered as Supervisor's getAllProcessInfo: by group name, then process name.</summary>
    public IReadOnlyList<SupervisedProcess> Processes => Registry.AllByName;

    public SupervisedProcess Process(string name) => TargetResolver.ResolveOne(Registry, name);

    /// <summary>Supervisor's _update: every mutating call is refused once shutdown or reload has begun.</summary>
    public void EnsureRunning()
    {
        if (daemon.Mood != SupervisorMood.Running)
        {
            throw new SupervisorFault(FaultCode.ShutdownState);
        }
    }

    /// <summary>startProcess / startProcessGroup / startAllProcesses: a group or "all" starts what is not running.</summary>
    public Task<TargetOutcome> StartAsync(string target, bool wait, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var resolved = TargetResolver.Resolve(Registry, target);
        return PlannedAsync(
            resolved,
            s => !s.IsRunning(),
            async selected =>
            {
                var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<
                    SupervisedProcess,
                    Task<ProcessOutcome>
                >();
                await new PlanRunner(Registry.Groups, Registry.DependencyStops)
                    .StartAsync(
                        selected,
                        async (p, waitingFor) =>
                            outcomes[p] = await ProcessCommands
                                .BeginStartAsync(p, wait, waitingFor, cancellationToken)
                                .ConfigureAwait(false),
                        manual: true
                    )
                    .ConfigureAwait(false);
                return selected.Select(p => outcomes[p]);
            }
        );
    }

    /// <summary>stopProcess / stopProcessGroup / stopAllProcesses: a group or "all" stops what runs.</summary>
    public Task<TargetOutcome> StopAsync(string target, bool wait, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var resolved = TargetResolver.Resolve(Registry, target);
        return PlannedAsync(
            resolved,
            s => s.IsRunning(),
            async selected =>
            {
                var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<
                    SupervisedProcess,
                    Task<ProcessOutcome>
                >();
                await new PlanRunner(Registry.Groups, Registry.DependencyStops)
                    .StopAsync(
                        selected,
                        async p =>
                        {
                            outcomes[p] = ProcessCommands.StopAsync(p, wait, cancellationToken);
                            await outcomes[p].ConfigureAwait(false);
                        },
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                return selected.Select(p => outcomes[p]);
            }
        );
    }

    /// <summary>
    /// Start and stop: the selection as in <see cref="ApplyAsync"/>, the order from the planner (priority levels,
    /// dependencies first for a start, dependents first for a stop). The outcomes are the selected processes' only.
    /// </summary>
    private static async Task<TargetOutcome> PlannedAsync(
        (IReadOnlyList<SupervisedProcess> Processes, bool Single) target,
        Func<ProcessState, bool> selects,
        Func<IReadOnlyList<SupervisedProcess>, Task<IEnumerable<Task<ProcessOutcome>>>> run
    )
    {
        var selected = target.Single
            ? target.Processes
            : target.Processes.Where(p => selects(p.Current.State)).ToList();
        var outcomes = await run(selected).ConfigureAwait(false);
        return new TargetOutcome(await Task.WhenAll(outcomes).ConfigureAwait(false), target.Single);
    }

    /// <summary>signalProcess / signalProcessGroup / signalAllProcesses; the signal is a name or a number, as in the config.</summary>
    public Task<TargetOutcome> SignalAsync(string target, string signal, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var resolved = TargetResolver.Resolve(Registry, target); // BAD_NAME before BAD_SIGNAL, as Supervisor checks
        var parsed = Configuration.Binding.Signals.Parse(signal);
        var number = parsed.Ok ? parsed.Value : throw new SupervisorFault(FaultCode.BadSignal, signal);
        return ApplyAsync(
            resolved,
            s => s.IsSignallable(),
            p => ProcessCommands.SignalAsync(p, number, cancellationToken)
        );
    }

    /// <summary>
    /// One command on a resolved target: a single process gets it whatever its state (and answers with its fault), a
    /// group or "all" only those in a state it <paramref name="selects"/> (Supervisor's make_allfunc predicates).
    /// </summary>
    private static async Task<TargetOutcome> ApplyAsync(
        (IReadOnlyList<SupervisedProcess> Processes, bool Single) target,
        Func<ProcessState, bool> selects,
        Func<SupervisedProcess, Task<ProcessOutcome>> command
    )
    {
        var selected = target.Single
            ? target.Processes
            : target.Processes.Where(p => selects(p.Current.State)).ToList();
        return new TargetOutcome(await Task.WhenAll(selected.Select(command)).ConfigureAwait(false), target.Single);
    }

    /// <summary>sendProcessStdin: NOT_RUNNING without a live child, NO_FILE when its stdin is closed.</summary>
    public async Task SendStdinAsync(string name, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var reply = await Process(name).WriteStdinAsync(data, cancellationToken).ConfigureAwait(false);
        if (reply.Outcome == CommandOutcome.Rejected)
        {
            throw new SupervisorFault(FaultCode.NotRunning, name);
        }
        if (reply.Outcome == CommandOutcome.Failed)
        {
            throw new SupervisorFault(FaultCode.NoFile, name);
        }
    }

    /// <summary>Begins a shutdown; SHUTDOWN_STATE when one (or a reload) is already under way.</summary>
    public void Shutdown()
    {
        if (!daemon.RequestStop(DaemonExit.Shutdown))
        {
            throw new SupervisorFault(FaultCode.ShutdownState);
        }
    }

    /// <summary>Begins a reload (Supervisor's restart); SHUTDOWN_STATE when one is already under way.</summary>
    public void Reload()
    {
        if (!daemon.RequestStop(DaemonExit.Reload))
        {
            throw new SupervisorFault(FaultCode.ShutdownState);
        }
    }

    /// <summary>sendRemoteCommEvent: a REMOTE_COMMUNICATION event for the listeners that subscribe to it.</summary>
    public void SendRemoteCommEvent(string type, string data)
    {
        EnsureRunning();
        Registry.Events.Publish(new RemoteCommunication(type, data));
    }
}
