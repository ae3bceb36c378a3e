using Grpc.Core;
using Grpc.Core.Interceptors;
using Supervise.Protocol;
using Supervise.Supervisord.Operations;

namespace Supervise.Supervisord.Control;

/// <summary>Turns the operations' <see cref="SupervisorFault"/>s into gRPC statuses that carry Supervisor's fault (one place).</summary>
public sealed class FaultTranslation : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (SupervisorFault fault)
        {
            throw ToRpc(fault);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (SupervisorFault fault)
        {
            throw ToRpc(fault);
        }
    }

    private static RpcException ToRpc(SupervisorFault fault) => FaultException.Create((Protocol.V1.Fault)(int)fault.Code, fault.Detail);
}
