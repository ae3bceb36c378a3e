using System.Collections;
using Tomlyn;
using Tomlyn.Model;

namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>
/// Reads the beat's TOML schedule:
/// <code>
/// timezone = "Europe/Paris"          # optional default for cron entries (else the machine's zone)
/// [schedule.read_feeds]
/// every = "27m"                      # or: cron = "*/27 * * * *" (5 fields, or 6 with seconds first)
/// jobs = [{ kind = "read_data", feed = "feeds/a.xml" }, { kind = "publish_data" }]
/// </code>
/// Every problem is collected (not just the first), as <c>schedule.toml [schedule.NAME]: key: what is wrong</c>.
/// </summary>
public static class ScheduleLoader
{
    private static readonly HashSet<string> EntryKeys = ["cron", "every", "timezone", "jobs"];

    public static ScheduleFile Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var file = System.IO.Path.GetFileName(fullPath);
        TomlTable document;
        try
        {
            document = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(fullPath)) ?? new TomlTable();
        }
        catch (Exception exception) when (exception is TomlException or IOException or UnauthorizedAccessException)
        {
            return new ScheduleFile(fullPath, [], [$"{file}: {exception.Message}"]);
        }

        var errors = new List<string>();
        var context = new EntryContext(file, System.IO.Path.GetDirectoryName(fullPath)!, errors);
        foreach (var key in document.Keys.Where(k => k is not ("timezone" or "schedule")))
        {
            errors.Add($"{file}: unknown key '{key}' (expected 'timezone' and [schedule.NAME] tables)");
        }

        var defaultZone = document.TryGetValue("timezone", out var zoneValue)
            ? context.Zone("(top level)", zoneValue) ?? TimeZoneInfo.Local
            : TimeZoneInfo.Local;
        var entries = new List<ScheduleEntry>();
        if (document.TryGetValue("schedule", out var schedule) && schedule is TomlTable tables)
        {
            foreach (var (name, value) in tables)
            {
                if (value is not TomlTable table)
                {
                    errors.Add($"{file} [schedule.{name}]: must be a table");
                }
                else if (ReadEntry(context, name, table, defaultZone) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        if (entries.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{file}: no [schedule.NAME] entries");
        }

        return new ScheduleFile(fullPath, errors.Count == 0 ? entries : [], errors);
    }

    private static ScheduleEntry? ReadEntry(
        EntryContext context,
        string name,
        TomlTable table,
        TimeZoneInfo defaultZone
    )
    {
        var before = context.Errors.Count;
        foreach (var key in table.Keys.Where(k => !EntryKeys.Contains(k)))
        {
            context.Error(name, key, "unknown key (expected cron or every, jobs, timezone)");
        }

        var zone = table.TryGetValue("timezone", out var zoneValue) ? context.Zone(name, zoneValue) : defaultZone;
        var when = ReadWhen(context, name, table, zone ?? defaultZone);
        var jobs = ReadJobs(context, name, table);
        return context.Errors.Count == before ? new ScheduleEntry(name, when!, jobs) : null;
    }

    private static ISchedule? ReadWhen(EntryContext context, string name, TomlTable table, TimeZoneInfo zone)
    {
        var hasCron = table.TryGetValue("cron", out var cron);
        var hasEvery = table.TryGetValue("every", out var every);
        if (hasCron == hasEvery)
        {
            context.Error(
                name,
                hasCron ? "cron" : "every",
                hasCron ? "give cron or every, not both" : "missing: give cron = \"...\" or every = \"...\""
            );
            return null;
        }

        if (hasEvery)
        {
            if (table.ContainsKey("timezone"))
            {
                context.Error(
                    name,
                    "timezone",
                    "applies to cron entries only; an interval does not depend on the clock"
                );
            }

            return every is string text && Durations.TryParse(text, out var period)
                ? new IntervalSchedule(period, text)
                : context.Error<ISchedule>(
                    name,
                    "every",
                    $"{Show(every)} is not a positive duration (examples: \"90s\", \"27m\", \"1h30m\")"
                );
        }

        return context.Cron(name, cron, zone);
    }

    private static List<JobTemplate> ReadJobs(EntryContext context, string name, TomlTable table)
    {
        var jobs = new List<JobTemplate>();
        if (!table.TryGetValue("jobs", out var value) || value is not IEnumerable list || value is string)
        {
            context.Error(
                name,
                "jobs",
                "missing: give an array such as [{ kind = \"read_data\", feed = \"feeds/a.xml\" }]"
            );
            return jobs;
        }

        var index = 0;
        foreach (var item in list)
        {
            if (context.Job(name, index++, item) is { } job)
            {
                jobs.Add(job);
            }
        }

        if (index == 0)
        {
            context.Error(name, "jobs", "is empty: an entry must enqueue at least one job");
        }

        return jobs;
    }

    internal static string Show(object? value) => value is string text ? $"\"{text}\"" : $"{value ?? "nothing"}";
}
