namespace Supervise.Supervisord.Events;

/// <summary>
/// One listener process of a pool, as the pool needs it: a name and its stdin. Owned by Events, implemented by
/// Processes, so that the dependency points one way. Its stdout reaches the pool through
/// <see cref="EventListenerPool.OnOutput"/>, and its state through the listener's PROCESS_STATE events.
/// </summary>
public interface IListenerProcess
{
    string Name { get; }

    /// <summary>Writes the bytes to the listener's stdin in one write; false when it has none (not running, EPIPE).</summary>
    Task<bool> WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);
}
