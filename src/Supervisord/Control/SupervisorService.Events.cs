using Grpc.Core;
using Supervise.Protocol.V1;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Control;

/// <summary>Process state changes streamed as they happen, read from the one event stream (no polling on either side).</summary>
public sealed partial class SupervisorService
{
    public override async Task WatchEvents(
        Empty request,
        IServerStreamWriter<ProcessEvent> responseStream,
        ServerCallContext context
    )
    {
        using var feed = operations.Registry.Events.Watch();
        try
        {
            await foreach (var published in feed.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (published.Event is ProcessStateChanged change)
                {
                    await responseStream
                        .WriteAsync(ToProto(change, published.At), context.CancellationToken)
                        .ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watcher went away.
        }
    }

    private static ProcessEvent ToProto(ProcessStateChanged change, DateTimeOffset at) =>
        new()
        {
            Name = change.Process,
            Group = change.Group,
            FromState = StateOf(change.From),
            ToState = StateOf(change.To),
            Pid = change.Pid,
            TimeUnixMs = at.ToUnixTimeMilliseconds(),
        };

    /// <summary>The record carries Supervisor's state name; the proto carries its code.</summary>
    private static Protocol.V1.ProcessState StateOf(string name) =>
        (Protocol.V1.ProcessState)(int)Enum.Parse<Processes.ProcessState>(name, ignoreCase: true);
}
