namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>A loaded schedule: its entries when valid, otherwise every error found, each naming its entry.</summary>
public sealed record ScheduleFile(string Path, IReadOnlyList<ScheduleEntry> Entries, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
