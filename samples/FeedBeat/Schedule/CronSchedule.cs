using Cronos;

namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>
/// A cron expression in a time zone. Cron fields match wall-clock values: <c>*/27</c> in the minute field means
/// minutes 0, 27 and 54 of every hour, so the gap after :54 is 6 minutes, not 27. Cronos handles DST: a skipped
/// local time fires at the transition, a repeated one fires once.
/// </summary>
public sealed class CronSchedule(CronExpression expression, TimeZoneInfo zone, string text) : ISchedule
{
    public string Description => $"cron \"{text}\" ({zone.Id})";

    /// <summary>Five fields as in crontab; six when the first one is seconds.</summary>
    public static CronSchedule Parse(string text, TimeZoneInfo zone)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return new CronSchedule(CronExpression.Parse(text, format), zone, text);
    }

    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        expression.GetNextOccurrence(after, zone, inclusive: false);
}
