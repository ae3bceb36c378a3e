using Supervise.Supervisord.Events;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Operations;

/// <summary>
/// What the control surfaces can ask of the daemon, with Supervisor's rpcinterface semantics and faults, and no wire
/// types: gRPC, XML-RPC and the web page are adapters over this. Failures are <see cref="SupervisorFault"/>s; results
/// per process are <see cref="ProcessOutcome"/>s. Queries read immutable snapshots and never block the actors.
/// </summary>
public sealed partial class ControlOperations(SupervisorDaemon daemon, TimeProvider time, MainLog mainLog)
{
    /// <summary>The daemon's own version (Supervisor's getSupervisorVersion answers Supervisor's, see the wire adapters).</summary>
    public const string Version = DaemonVersion.Value;

    public SupervisorDaemon Daemon => daemon;

    public ProcessRegistry Registry => daemon.Registry;

    public TimeProvider Time => time;

    public SupervisorMood Mood => daemon.Mood;

    public string Identification => daemon.Config.Daemon.Identifier;

    /// <summary>Every process, ordered as Supervisor's getAllProcessInfo: by group name, then process name.</summary>
    public IEnumerable<SupervisedProcess> Processes => Registry.AllByName;

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
    public async Task<TargetOutcome> StartAsync(string target, bool wait, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var (processes, single) = TargetResolver.Resolve(Registry, target);
        var selected = single ? processes : processes.Where(p => !p.Current.State.IsRunning()).ToList();
        var results = await Task.WhenAll(selected.Select(p => ProcessCommands.StartAsync(p, wait, cancellationToken))).ConfigureAwait(false);
        return new TargetOutcome(results, single);
    }

    /// <summary>stopProcess / stopProcessGroup / stopAllProcesses: a group or "all" stops what runs.</summary>
    public async Task<TargetOutcome> StopAsync(string target, bool wait, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var (processes, single) = TargetResolver.Resolve(Registry, target);
        var selected = single ? processes : processes.Where(p => p.Current.State.IsRunning()).ToList();
        var results = await Task.WhenAll(selected.Select(p => ProcessCommands.StopAsync(p, wait, cancellationToken))).ConfigureAwait(false);
        return new TargetOutcome(results, single);
    }

    /// <summary>signalProcess / signalProcessGroup / signalAllProcesses; the signal is a name or a number, as in the config.</summary>
    public async Task<TargetOutcome> SignalAsync(string target, string signal, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var (processes, single) = TargetResolver.Resolve(Registry, target);
        var parsed = Configuration.Binding.Signals.Parse(signal);
        var number = parsed.Ok ? parsed.Value : throw new SupervisorFault(FaultCode.BadSignal, signal);
        var selected = single ? processes : processes.Where(p => p.Current.State.IsSignallable()).ToList();
        var results = await Task.WhenAll(selected.Select(p => ProcessCommands.SignalAsync(p, number, cancellationToken))).ConfigureAwait(false);
        return new TargetOutcome(results, single);
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
