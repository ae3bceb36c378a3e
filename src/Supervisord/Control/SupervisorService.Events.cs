using System.Threading.Channels;
using Grpc.Core;
using Supervise.Protocol.V1;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Control;

/// <summary>Process state changes streamed as they happen (no polling on either side).</summary>
public sealed partial class SupervisorService
{
    public override async Task WatchEvents(Empty request, IServerStreamWriter<ProcessEvent> responseStream, ServerCallContext context)
    {
        var events = Channel.CreateBounded<ProcessEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        void OnChanged(SupervisedProcess process, StateChanged change) =>
            events.Writer.TryWrite(new ProcessEvent
            {
                Name = process.Name,
                Group = process.Group,
                FromState = (Protocol.V1.ProcessState)(int)change.From,
                ToState = (Protocol.V1.ProcessState)(int)change.To,
                Pid = change.Pid,
                TimeUnixMs = operations.Time.GetUtcNow().ToUnixTimeMilliseconds(),
            });

        operations.Registry.Host.StateChanged += OnChanged;
        try
        {
            await foreach (var change in events.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(change, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The watcher went away.
        }
        finally
        {
            operations.Registry.Host.StateChanged -= OnChanged;
        }
    }
}
