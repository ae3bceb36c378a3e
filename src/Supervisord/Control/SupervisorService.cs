using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Supervisord.Hosting;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;
using V1 = Supervise.Protocol.V1;

namespace Supervise.Supervisord.Control;

/// <summary>
/// The gRPC control service: a thin layer that resolves names, calls the daemon and the process actors, and maps
/// outcomes to Supervisor's faults. Queries read immutable snapshots; nothing here blocks the process actors.
/// </summary>
public sealed partial class SupervisorService(SupervisorDaemon daemon, TimeProvider time, MainLog mainLog) : V1.Supervisor.SupervisorBase
{
    public const string Version = "0.1.0";

    private ProcessRegistry Registry => daemon.Registry;

    public override Task<VersionReply> GetVersion(Empty request, ServerCallContext context) =>
        Task.FromResult(new VersionReply
        {
            Version = Version,
            ApiVersion = "3.0",
            SupervisorVersion = "4.2.5",
            Identification = daemon.Config.Daemon.Identifier,
        });

    public override Task<StateReply> GetState(Empty request, ServerCallContext context) =>
        Task.FromResult(new StateReply
        {
            Code = (int)daemon.Mood,
            Name = daemon.Mood.ToString().ToUpperInvariant(),
            Pid = Environment.ProcessId,
        });

    public override Task<ProcessList> ListProcesses(Empty request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var list = new ProcessList();
        list.Processes.AddRange(Registry.AllByName.Select(p => ProcessInfoMapper.ToInfo(p, now)));
        return Task.FromResult(list);
    }

    public override Task<V1.ProcessInfo> GetProcess(NameRequest request, ServerCallContext context) =>
        Task.FromResult(ProcessInfoMapper.ToInfo(TargetResolver.ResolveOne(Registry, request.Name), time.GetUtcNow()));

    public override async Task<ActionReply> Start(TargetRequest request, ServerCallContext context)
    {
        EnsureRunning();
        var (processes, single) = TargetResolver.Resolve(Registry, request.Target);
        var selected = single ? processes : processes.Where(p => !p.Current.State.IsRunning()).ToList();
        var results = await Task.WhenAll(selected.Select(p => ProcessCommands.StartAsync(p, request.Wait, context.CancellationToken))).ConfigureAwait(false);
        return Reply(results);
    }

    public override async Task<ActionReply> Stop(TargetRequest request, ServerCallContext context)
    {
        EnsureRunning();
        var (processes, single) = TargetResolver.Resolve(Registry, request.Target);
        var selected = single ? processes : processes.Where(p => p.Current.State.IsRunning()).ToList();
        var results = await Task.WhenAll(selected.Select(p => ProcessCommands.StopAsync(p, request.Wait, context.CancellationToken))).ConfigureAwait(false);
        return Reply(results);
    }

    public override async Task<ActionReply> Restart(TargetRequest request, ServerCallContext context)
    {
        var stopped = await Stop(request, context).ConfigureAwait(false);
        var started = await Start(request, context).ConfigureAwait(false);
        var reply = new ActionReply();
        reply.Results.AddRange(stopped.Results.Where(r => r.Fault != Fault.Success && r.Fault != Fault.NotRunning));
        reply.Results.AddRange(started.Results);
        return reply;
    }

    public override Task<ActionReply> Signal(SignalRequest request, ServerCallContext context)
    {
        EnsureRunning();
        // Supervisor's signalProcess parses with the config's signal_number type: the same names and numbers.
        var parsed = Configuration.Binding.Signals.Parse(request.Signal);
        var signal = parsed.Ok ? parsed.Value : throw FaultException.Create(Fault.BadSignal, request.Signal);
        var (processes, single) = TargetResolver.Resolve(Registry, request.Target);
        var selected = single ? processes : processes.Where(p => p.Current.State.IsSignallable()).ToList();
        return Task.FromResult(Reply(selected.Select(p => ProcessCommands.Signal(p, signal))));
    }

    public override async Task<Empty> SendStdin(StdinRequest request, ServerCallContext context)
    {
        EnsureRunning();
        var process = TargetResolver.ResolveOne(Registry, request.Name);
        if (!process.Current.State.IsSignallable())
        {
            throw FaultException.Create(Fault.NotRunning, request.Name);
        }
        if (!await process.WriteStdinAsync(request.Data.Memory, context.CancellationToken).ConfigureAwait(false))
        {
            throw FaultException.Create(Fault.NoFile, "Process has no stdin channel");
        }
        return new Empty();
    }

    private void EnsureRunning()
    {
        if (daemon.Mood != SupervisorMood.Running)
        {
            throw FaultException.Create(Fault.ShutdownState);
        }
    }

    private static ActionReply Reply(IEnumerable<ProcessResult> results)
    {
        var reply = new ActionReply();
        reply.Results.AddRange(results);
        return reply;
    }
}
