namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>A fixed period counted from the previous run: <c>every = "27m"</c> fires every 27 minutes, around the clock.</summary>
public sealed class IntervalSchedule(TimeSpan period, string text) : ISchedule
{
    public TimeSpan Period { get; } = period;

    public string Description => $"every {text}";

    public DateTimeOffset? NextAfter(DateTimeOffset after) => after + Period;
}
