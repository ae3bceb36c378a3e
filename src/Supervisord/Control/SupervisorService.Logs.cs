using Google.Protobuf;
using Grpc.Core;
using Supervise.Protocol.V1;

namespace Supervise.Supervisord.Control;

/// <summary>Log reads, tails and clears.</summary>
public sealed partial class SupervisorService
{
    public override Task<LogChunk> ReadLog(ReadLogRequest request, ServerCallContext context) =>
        Task.FromResult(
            new LogChunk
            {
                Data = ByteString.CopyFrom(
                    operations.ReadProcessLog(
                        request.Name,
                        request.Channel == LogChannel.Stderr,
                        request.Offset,
                        request.Length
                    )
                ),
            }
        );

    public override Task<LogChunk> ReadMainLog(ReadLogRequest request, ServerCallContext context) =>
        Task.FromResult(
            new LogChunk { Data = ByteString.CopyFrom(operations.ReadMainLog(request.Offset, request.Length)) }
        );

    public override async Task TailLog(
        TailLogRequest request,
        IServerStreamWriter<LogChunk> responseStream,
        ServerCallContext context
    )
    {
        var log = operations.TailTarget(
            request.Name.Length == 0 ? null : request.Name,
            request.Channel == LogChannel.Stderr
        );
        using var subscription = log.Subscribe(request.InitialBytes);
        try
        {
            await foreach (
                var chunk in subscription.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false)
            )
            {
                await responseStream
                    .WriteAsync(new LogChunk { Data = ByteString.CopyFrom(chunk) }, context.CancellationToken)
                    .ConfigureAwait(false);
                if (!request.Follow && subscription.Reader.Count == 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away (Ctrl-C on tail -f): nothing to report.
        }
    }

    public override Task<ActionReply> ClearLog(TargetRequest request, ServerCallContext context) =>
        Task.FromResult(Reply(operations.ClearLogs(request.Target)));
}
