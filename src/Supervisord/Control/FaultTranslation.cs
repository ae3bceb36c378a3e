using Grpc.Core;
using Grpc.Core.Interceptors;
using Supervise.Protocol;
using Supervise.Supervisord.Metrics;
using Supervise.Supervisord.Operations;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Turns the operations' <see cref="SupervisorFault"/>s into gRPC statuses that carry Supervisor's fault (one place),
/// and counts every call for /metrics on the way.
/// </summary>
public sealed class FaultTranslation(ControlCallMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation
    )
    {
        var started = metrics.Start();
        var outcome = CallOutcome.Error;
        try
        {
            var reply = await continuation(request, context).ConfigureAwait(false);
            outcome = CallOutcome.Ok;
            return reply;
        }
        catch (SupervisorFault fault)
        {
            outcome = CallOutcome.Fault;
            throw ToRpc(fault);
        }
        finally
        {
            metrics.Record(ControlCallMetrics.Grpc, ControlCallMetrics.GrpcMethod(context.Method), outcome, started);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation
    )
    {
        var outcome = CallOutcome.Error;
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            outcome = CallOutcome.Ok;
        }
        catch (SupervisorFault fault)
        {
            outcome = CallOutcome.Fault;
            throw ToRpc(fault);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // A follower that hangs up ends its stream normally.
            outcome = CallOutcome.Ok;
            throw;
        }
        finally
        {
            metrics.Record(
                ControlCallMetrics.Grpc,
                ControlCallMetrics.GrpcMethod(context.Method),
                outcome,
                started: null
            );
        }
    }

    private static RpcException ToRpc(SupervisorFault fault) =>
        FaultException.Create((Protocol.V1.Fault)(int)fault.Code, fault.Detail);
}
