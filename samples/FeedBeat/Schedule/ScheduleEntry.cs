namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>One <c>[schedule.NAME]</c> table: when it fires and what it enqueues.</summary>
public sealed record ScheduleEntry(string Name, ISchedule When, IReadOnlyList<JobTemplate> Jobs);
