namespace Supervise.Samples.FeedCore.Jobs;

/// <summary>One unit of work in the spool. The file name in the spool is <c>{Id}.json</c>.</summary>
/// <param name="Id">Sortable (enqueue time first), so that the queue is roughly FIFO by file name.</param>
/// <param name="Kind">One of <see cref="JobKinds"/>.</param>
/// <param name="Feed">For read_data: the feed's http(s) URL or absolute file path.</param>
/// <param name="Origin">Who enqueued it (for example the beat entry name), for the logs.</param>
/// <param name="Attempts">How many times a worker failed or crashed on this job.</param>
/// <param name="LastError">Why the last attempt failed, kept for whoever reads spool/failed/.</param>
public sealed record Job(
    string Id,
    string Kind,
    string? Feed,
    DateTimeOffset EnqueuedAt,
    string? Origin = null,
    int Attempts = 0,
    string? LastError = null
);
