using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Processes;

/// <summary>An [eventlistener:x] process as its pool sees it (Events owns the interface, so Events never sees Processes).</summary>
internal sealed class ListenerProcess(SupervisedProcess process) : IListenerProcess
{
    public string Name => process.Name;

    public async Task<bool> WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        (await process.WriteStdinAsync(data, cancellationToken).ConfigureAwait(false)).Accepted;
}
