namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>A job an entry enqueues each time it fires.</summary>
/// <param name="Feed">For read_data: a URL, or a file path already made absolute against the schedule's folder.</param>
public sealed record JobTemplate(string Kind, string? Feed);
