using System.CommandLine;
using Supervise.Samples.FeedBeat;
using Supervise.Samples.FeedBeat.Schedule;
using Supervise.Samples.FeedCore;
using Supervise.Samples.FeedCore.Spool;

// FeedBeat: enqueues jobs into the spool as the TOML schedule says, until SIGTERM (then exits 0).
// Exit code 2 with every problem on stderr when the schedule is invalid: Supervisor then shows it as FATAL
// after startretries, rather than a beat that silently never fires.
var schedulePath = new Option<string>("--schedule") { Description = "TOML schedule file", Required = true };
var spool = new Option<string>("--spool") { Description = "Spool directory (the job queue)", Required = true };
var statePath = new Option<string?>("--state")
{
    Description = "Where to keep the last run of each entry (default: SPOOL/beat-state.json)",
};

var root = new RootCommand("Periodic scheduler of the Supervise sample stack") { schedulePath, spool, statePath };
root.SetAction(
    async (parsed, _) =>
    {
        var log = LineLog.Console(Environment.GetEnvironmentVariable("SUPERVISOR_PROCESS_NAME") ?? "feed_beat");
        var schedule = ScheduleLoader.Load(parsed.GetValue(schedulePath)!);
        if (!schedule.IsValid)
        {
            foreach (var error in schedule.Errors)
            {
                log.Error(error);
            }

            log.Error($"schedule refused: {schedule.Errors.Count} error(s) in {schedule.Path}");
            return 2;
        }

        var time = TimeProvider.System;
        using var signals = new TerminationSignals();
        var queue = new SpoolQueue(parsed.GetValue(spool)!, time, TimeSpan.FromMinutes(5));
        var store = new BeatStateStore(parsed.GetValue(statePath) ?? Path.Combine(queue.Root, "beat-state.json"));
        var beat = new Beat(schedule.Entries, store, queue, time, log);
        foreach (var entry in schedule.Entries)
        {
            log.Info(
                $"{entry.Name}: {entry.When.Description}, {entry.Jobs.Count} jobs, next at {beat.DueOf(entry.Name):yyyy-MM-dd HH:mm:ss zzz}"
            );
        }

        await beat.RunAsync(signals.Stopping);
        log.Info("stop requested, exiting");
        return 0;
    }
);

return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
