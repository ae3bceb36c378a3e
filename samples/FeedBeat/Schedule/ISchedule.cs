namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>When an entry fires: a cron expression or a fixed interval.</summary>
public interface ISchedule
{
    /// <summary>The first firing strictly after <paramref name="after"/>, or null if there is none.</summary>
    DateTimeOffset? NextAfter(DateTimeOffset after);

    /// <summary>As written in the schedule file, for the logs: <c>cron "*/27 * * * *"</c>, <c>every 27m</c>.</summary>
    string Description { get; }
}
