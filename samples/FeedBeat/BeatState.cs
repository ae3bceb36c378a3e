namespace Supervise.Samples.FeedBeat;

/// <summary>The last run of each schedule entry, by entry name: what lets a restarted beat carry on where it was.</summary>
public sealed record BeatState(IReadOnlyDictionary<string, DateTimeOffset> LastRuns);
