using System.Globalization;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The rows that depends_on= and ready= add (not Supervisor's). A held start is STARTING with no child
/// (<see cref="ProcessCore.WaitingFor"/> set); a process with a ready= probe leaves STARTING for RUNNING when the probe
/// passes, and for BACKOFF when its child exits first or the deadline passes (the child is then killed).
/// </summary>
internal static partial class ProcessStateMachine
{
    /// <returns>The next core when one of these rows applies, else null (and no effects are added).</returns>
    private static ProcessCore? DecideReadiness(
        ProcessCore core,
        Trigger trigger,
        ProcessConfig config,
        DateTimeOffset now,
        List<Effect> effects
    )
    {
        var state = core.State;
        var waiting = state == ProcessState.Starting && core.WaitingFor is not null;
        return trigger switch
        {
            // STOPPED/EXITED/FATAL -> STARTING without a child: a dependency is not ready yet.
            HoldRequested hold when state is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal =>
                OnHold(core, hold, now, effects),
            // STARTING (held) -> STARTING: the dependencies are ready, spawn.
            DependenciesReady when waiting => Emit(
                core with
                {
                    WaitingFor = null,
                },
                new SpawnChild(),
                Log(effects, new DependencyLine(config.Name, "dependencies ready, starting"))
            ),
            // STARTING (held) -> FATAL: a dependency will not become ready.
            DependencyFailed failed when waiting => Move(
                core with
                {
                    WaitingFor = null,
                    SpawnError = failed.Message,
                    LastStop = now,
                },
                ProcessState.Fatal,
                Log(effects, new DependencyLine(config.Name, failed.Message))
            ),
            // STARTING (held) -> STOPPED: nothing was spawned, so there is nothing to signal.
            StopRequested when waiting => Move(
                core with
                {
                    WaitingFor = null,
                    LastStop = now,
                },
                ProcessState.Stopped,
                effects
            ),
            // STARTING -> RUNNING: the ready= probe passed for the current child.
            ProbePassed passed
                when state == ProcessState.Starting
                    && !waiting
                    && core.Pid != 0
                    && (passed.Pid == 0 || passed.Pid == core.Pid)
                    && config.Readiness.Probe.Kind != ReadyKind.Running => OnReady(core, config, effects),
            _ => null,
        };
    }

    private static List<Effect> Log(List<Effect> effects, WriteLog line)
    {
        effects.Add(line);
        return effects;
    }

    private static ProcessCore OnHold(ProcessCore core, HoldRequested hold, DateTimeOffset now, List<Effect> effects)
    {
        var backoff = hold.Manual ? 0 : core.Backoff;
        var next = core with
        {
            Killing = false,
            SpawnError = null,
            EverStarted = true,
            LastStart = now,
            Backoff = backoff,
            TimerToken = core.TimerToken + 1,
            WaitingFor = hold.WaitingFor,
        };
        effects.Add(new CancelTimer());
        return Move(next, ProcessState.Starting, effects);
    }

    private static ProcessCore OnSpawnedWithProbe(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        // STARTING -> STARTING: probe until ready, or until the deadline (startsecs plays no part with a probe).
        var token = core.TimerToken + 1;
        effects.Add(new StartProbe(core.Pid));
        effects.Add(new StartTimer(TimerKind.ReadyDeadline, config.Readiness.Deadline, token));
        return core with { TimerToken = token, ReadyTimedOut = false };
    }

    private static ProcessCore OnReady(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        effects.Add(new CancelTimer());
        effects.Add(new ReadyLine(config.Name, config.Readiness.Probe.Spec));
        return Move(core with { Backoff = 0, TimerToken = core.TimerToken + 1 }, ProcessState.Running, effects);
    }

    private static ProcessCore OnReadyDeadline(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        // STARTING -> STARTING: not ready in time; SIGKILL, and the exit that follows counts as a failed start (BACKOFF).
        effects.Add(
            new NotReadyLine(config.Name, core.Pid, config.Readiness.Probe.Spec, config.Readiness.Deadline.TotalSeconds)
        );
        effects.Add(new SendSignal(9, config.KillAsGroup));
        return core with { ReadyTimedOut = true, TimerToken = core.TimerToken + 1 };
    }

    private static string NotReadyError(ProcessConfig config) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"not ready within {config.Readiness.Deadline.TotalSeconds}s ({config.Readiness.Probe.Spec})"
        );
}
