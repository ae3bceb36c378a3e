using Supervise.Samples.FeedBeat.Schedule;
using Supervise.Samples.FeedCore;
using Supervise.Samples.FeedCore.Spool;

namespace Supervise.Samples.FeedBeat;

/// <summary>
/// Fires schedule entries and enqueues their jobs. The rules that make restarts safe:
/// <list type="bullet">
/// <item>Each entry's next run is computed from its persisted last run, so a restart does not fire again what
/// already fired (no double-fire), and a run missed while the beat was down is due at once (no silent skip).</item>
/// <item>However many runs were missed, the entry fires once, and its last run becomes now.</item>
/// <item>An entry that never ran fires at start when it is an interval, and at its next slot when it is cron.</item>
/// <item>The state is saved after the jobs are enqueued: a crash between the two (microseconds) repeats a run
/// rather than losing one, the usual at-least-once choice.</item>
/// </list>
/// One thread calls <see cref="RunDue"/>; the time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class Beat
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<ScheduleEntry> _entries;
    private readonly BeatStateStore _store;
    private readonly SpoolQueue _queue;
    private readonly TimeProvider _time;
    private readonly LineLog _log;
    private readonly Dictionary<string, DateTimeOffset> _lastRuns;
    private readonly Dictionary<string, DateTimeOffset?> _due = [];

    public Beat(
        IReadOnlyList<ScheduleEntry> entries,
        BeatStateStore store,
        SpoolQueue queue,
        TimeProvider time,
        LineLog log
    )
    {
        (_entries, _store, _queue, _time, _log) = (entries, store, queue, time, log);
        var names = entries.Select(e => e.Name).ToHashSet();
        _lastRuns = store.Load().LastRuns.Where(kv => names.Contains(kv.Key)).ToDictionary();
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            _due[entry.Name] =
                _lastRuns.TryGetValue(entry.Name, out var last) ? entry.When.NextAfter(last)
                : entry.When is IntervalSchedule ? now
                : entry.When.NextAfter(now);
        }
    }

    /// <summary>The earliest due time of any entry, or null when nothing will ever fire.</summary>
    public DateTimeOffset? NextDue => _due.Values.Where(d => d is not null).Min();

    public DateTimeOffset? DueOf(string entry) => _due[entry];

    /// <summary>Fires every entry that is due now; returns their names.</summary>
    public IReadOnlyList<string> RunDue()
    {
        var now = _time.GetUtcNow();
        var fired = new List<string>();
        foreach (var entry in _entries)
        {
            if (_due[entry.Name] is not { } due || due > now)
            {
                continue;
            }

            foreach (var job in entry.Jobs)
            {
                _queue.Enqueue(job.Kind, job.Feed, entry.Name);
            }

            // An interval that fired on time keeps its cadence (no drift from timer latency); after a longer
            // delay (beat was down, or the machine slept) it restarts from now, so missed runs collapse into one.
            var last = entry.When is IntervalSchedule interval && now - due < interval.Period ? due : now;
            _lastRuns[entry.Name] = last;
            _due[entry.Name] = entry.When.NextAfter(last);
            fired.Add(entry.Name);
            var late = now - due > TimeSpan.FromSeconds(1) ? $" (late by {now - due:g}, missed runs fire once)" : "";
            _log.Info(
                $"{entry.Name} ({entry.When.Description}) fired{late}: enqueued {entry.Jobs.Count} jobs; next at {_due[entry.Name]:yyyy-MM-dd HH:mm:ss zzz}"
            );
        }

        if (fired.Count > 0)
        {
            _store.Save(new BeatState(new Dictionary<string, DateTimeOffset>(_lastRuns)));
        }

        return fired;
    }

    /// <summary>Sleeps until the next due time, fires, repeats; returns when <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            RunDue();
            // Capped so that a far cron slot stays within Task.Delay's range and a clock jump is noticed within the hour.
            var delay = NextDue is { } next ? next - _time.GetUtcNow() : MaxSleep;
            if (delay < TimeSpan.Zero)
            {
                continue;
            }

            try
            {
                await Task.Delay(delay < MaxSleep ? delay : MaxSleep, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
