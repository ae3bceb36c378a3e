using System.Threading.Channels;

namespace Supervise.Samples.FeedWorker;

/// <summary>
/// Wakes the worker when a job lands in new/, without polling: inotify through FileSystemWatcher. A job renamed in
/// from tmp/ (an unwatched directory) is reported as Created. Events can still be lost (inotify queue overflow,
/// a watch set up after the file arrived), so every wait also ends after a slow fallback interval.
/// </summary>
public sealed class SpoolWatcher : IDisposable
{
    // Capacity 1, drop when full: any number of events before the next wait collapse into one wake-up.
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }
    );

    private readonly FileSystemWatcher _watcher;
    private readonly TimeProvider _time;

    public SpoolWatcher(string directory, TimeProvider time)
    {
        _time = time;
        _watcher = new FileSystemWatcher(directory, "*.json") { NotifyFilter = NotifyFilters.FileName };
        _watcher.Created += (_, _) => Wake();
        _watcher.Renamed += (_, _) => Wake();
        _watcher.Error += (_, _) => Wake();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Returns when a job may be waiting, after <paramref name="fallback"/>, or when stopping; never throws.</summary>
    public async Task WaitAsync(TimeSpan fallback, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(fallback, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            await _wakeups.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Timed out or stopping: the caller rescans either way.
        }
    }

    public void Dispose() => _watcher.Dispose();

    private void Wake() => _wakeups.Writer.TryWrite(true);
}
