using Grpc.Core;
using Supervise.Protocol.V1;
using Supervise.Supervisord.Metrics;
using Supervise.Supervisord.Operations;
using V1 = Supervise.Protocol.V1;

namespace Supervise.Supervisord.Control;

/// <summary>
/// The gRPC control service: an adapter from the protocol's messages to <see cref="ControlOperations"/> and back.
/// Faults leave the operations as <see cref="SupervisorFault"/>s and become gRPC statuses in <see cref="FaultTranslation"/>.
/// </summary>
public sealed partial class SupervisorService(ControlOperations operations, LifeCounters life)
    : V1.Supervisor.SupervisorBase
{
    public override Task<VersionReply> GetVersion(Empty request, ServerCallContext context) =>
        Task.FromResult(
            new VersionReply
            {
                Version = DaemonVersion.Value,
                ApiVersion = DaemonVersion.Api,
                SupervisorVersion = DaemonVersion.Supervisor,
                Identification = operations.Identification,
            }
        );

    public override Task<StateReply> GetState(Empty request, ServerCallContext context) =>
        Task.FromResult(
            new StateReply
            {
                Code = (int)operations.Mood,
                Name = operations.Mood.ToString().ToUpperInvariant(),
                Pid = Environment.ProcessId,
            }
        );

    public override Task<ProcessList> ListProcesses(Empty request, ServerCallContext context)
    {
        var now = operations.Time.GetUtcNow();
        var list = new ProcessList();
        list.Processes.AddRange(operations.Processes.Select(p => ProcessInfoMapper.ToInfo(p, now, life)));
        return Task.FromResult(list);
    }

    public override Task<ProcessList> ListProcessesWithUsage(Empty request, ServerCallContext context)
    {
        var now = operations.Time.GetUtcNow();
        var list = new ProcessList();
        list.Processes.AddRange(operations.Processes.Select(p => ProcessInfoMapper.ToInfo(p, now, life, usage: true)));
        return Task.FromResult(list);
    }

    public override Task<V1.ProcessInfo> GetProcess(NameRequest request, ServerCallContext context) =>
        Task.FromResult(
            ProcessInfoMapper.ToInfo(operations.Process(request.Name), operations.Time.GetUtcNow(), life, usage: true)
        );

    public override async Task<ActionReply> Start(TargetRequest request, ServerCallContext context) =>
        Reply(
            await operations.StartAsync(request.Target, request.Wait, context.CancellationToken).ConfigureAwait(false)
        );

    public override async Task<ActionReply> Stop(TargetRequest request, ServerCallContext context) =>
        Reply(
            await operations.StopAsync(request.Target, request.Wait, context.CancellationToken).ConfigureAwait(false)
        );

    public override async Task<ActionReply> Restart(TargetRequest request, ServerCallContext context)
    {
        var stopped = await operations
            .StopAsync(request.Target, request.Wait, context.CancellationToken)
            .ConfigureAwait(false);
        var started = await operations
            .StartAsync(request.Target, request.Wait, context.CancellationToken)
            .ConfigureAwait(false);
        var reply = new ActionReply();
        reply.Results.AddRange(
            stopped.Results.Where(r => r.Code is not FaultCode.Success and not FaultCode.NotRunning).Select(ToResult)
        );
        reply.Results.AddRange(started.Results.Select(ToResult));
        return reply;
    }

    public override async Task<ActionReply> Signal(SignalRequest request, ServerCallContext context) =>
        Reply(
            await operations
                .SignalAsync(request.Target, request.Signal, context.CancellationToken)
                .ConfigureAwait(false)
        );

    public override async Task<Empty> SendStdin(StdinRequest request, ServerCallContext context)
    {
        try
        {
            await operations
                .SendStdinAsync(request.Name, request.Data.Memory, context.CancellationToken)
                .ConfigureAwait(false);
        }
        catch (SupervisorFault fault) when (fault.Code == FaultCode.NoFile)
        {
            // Our ctl's fg prints this text when the child closed its stdin.
            throw new SupervisorFault(FaultCode.NoFile, "Process has no stdin channel");
        }
        return new Empty();
    }

    private static ActionReply Reply(TargetOutcome outcome)
    {
        var reply = new ActionReply();
        reply.Results.AddRange(outcome.Results.Select(ToResult));
        return reply;
    }

    private static ProcessResult ToResult(ProcessOutcome outcome) =>
        new()
        {
            Name = outcome.Name,
            Group = outcome.Group,
            Fault = (Fault)(int)outcome.Code,
            Description = outcome.Description,
        };
}
