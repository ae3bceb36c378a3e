using Microsoft.Extensions.Time.Testing;
using Supervise.Samples.FeedBeat;
using Supervise.Samples.FeedBeat.Schedule;
using Supervise.Samples.FeedCore;
using Supervise.Samples.FeedCore.Jobs;
using Supervise.Samples.FeedCore.Spool;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Beat;

/// <summary>A beat on a fake clock, with a spool and a state file in a temp folder; can be "restarted".</summary>
public sealed class BeatHarness(params ScheduleEntry[] entries) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public string StatePath => _temp["beat-state.json"];

    public static ScheduleEntry Entry(string name, ISchedule when) =>
        new(name, when, [new JobTemplate(JobKinds.PublishData, null)]);

    public static ScheduleEntry Cron(string name, string cron) =>
        Entry(name, CronSchedule.Parse(cron, TimeZoneInfo.Utc));

    public static ScheduleEntry Every(string name, TimeSpan period) =>
        Entry(name, new IntervalSchedule(period, $"{period}"));

    /// <summary>A new beat process, as after a (re)start: it knows only what is in the state file.</summary>
    public FeedBeat.Beat Start() =>
        new(
            entries,
            new BeatStateStore(StatePath),
            new SpoolQueue(_temp["spool"], Time, TimeSpan.FromMinutes(5)),
            Time,
            new LineLog(TextWriter.Null, TextWriter.Null, Time, "beat")
        );

    /// <summary>Moves the clock minute by minute and records when each entry fired.</summary>
    public List<(string Entry, DateTimeOffset At)> RunFor(FeedBeat.Beat beat, TimeSpan span, TimeSpan step)
    {
        var fired = new List<(string, DateTimeOffset)>();
        var end = Time.GetUtcNow() + span;
        while (Time.GetUtcNow() <= end)
        {
            fired.AddRange(beat.RunDue().Select(name => (name, Time.GetUtcNow())));
            Time.Advance(step);
        }

        return fired;
    }

    public int EnqueuedJobs => Directory.EnumerateFiles(_temp["spool/new"]).Count();

    public void Dispose() => _temp.Dispose();
}
