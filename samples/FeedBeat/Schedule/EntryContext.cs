using Cronos;
using Supervise.Samples.FeedCore.Jobs;
using Tomlyn.Model;

namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>Error collection and the value readers that report into it, for one schedule file.</summary>
internal sealed class EntryContext(string file, string directory, List<string> errors)
{
    public List<string> Errors => errors;

    public void Error(string entry, string key, string message) =>
        errors.Add($"{file} [schedule.{entry}]: {key}: {message}");

    public T? Error<T>(string entry, string key, string message)
        where T : class
    {
        Error(entry, key, message);
        return null;
    }

    public TimeZoneInfo? Zone(string entry, object? value)
    {
        try
        {
            return value is string id ? TimeZoneInfo.FindSystemTimeZoneById(id) : throw new TimeZoneNotFoundException();
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Error<TimeZoneInfo>(
                entry,
                "timezone",
                $"{ScheduleLoader.Show(value)} is not a known time zone (use an IANA id such as \"Europe/Paris\" or \"UTC\")"
            );
        }
    }

    public ISchedule? Cron(string entry, object? value, TimeZoneInfo zone)
    {
        if (value is not string text)
        {
            return Error<ISchedule>(
                entry,
                "cron",
                $"{ScheduleLoader.Show(value)} must be a string such as \"*/27 * * * *\""
            );
        }

        try
        {
            var schedule = CronSchedule.Parse(text, zone);
            return schedule.NextAfter(DateTimeOffset.UtcNow) is null
                ? Error<ISchedule>(entry, "cron", $"\"{text}\" never fires")
                : schedule;
        }
        catch (CronFormatException exception)
        {
            return Error<ISchedule>(entry, "cron", $"\"{text}\" is not a cron expression: {exception.Message}");
        }
    }

    public JobTemplate? Job(string entry, int index, object? value)
    {
        var key = $"jobs[{index}]";
        if (value is not TomlTable table)
        {
            return Error<JobTemplate>(entry, key, "must be a table such as { kind = \"publish_data\" }");
        }

        var kind = table.TryGetValue("kind", out var k) ? k as string : null;
        var feed = table.TryGetValue("feed", out var f) ? f as string : null;
        if (kind is null || !JobKinds.IsKnown(kind))
        {
            return Error<JobTemplate>(
                entry,
                key,
                $"kind {ScheduleLoader.Show(kind ?? k)} is not one of {JobKinds.ReadData}, {JobKinds.PublishData}"
            );
        }

        if (kind == JobKinds.ReadData && string.IsNullOrWhiteSpace(feed))
        {
            return Error<JobTemplate>(entry, key, "read_data needs feed = \"URL or path\"");
        }

        if (kind == JobKinds.PublishData && table.ContainsKey("feed"))
        {
            return Error<JobTemplate>(entry, key, "publish_data takes no feed");
        }

        return new JobTemplate(kind, feed is null ? null : Resolve(feed));
    }

    /// <summary>URLs stay as they are; file paths are relative to the schedule file's folder.</summary>
    private string Resolve(string feed) =>
        Uri.TryCreate(feed, UriKind.Absolute, out var uri) && !uri.IsFile ? feed : Path.GetFullPath(feed, directory);
}
