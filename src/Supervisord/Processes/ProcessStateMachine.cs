using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// Supervisor's process state machine (reference §2.2–2.5) as a pure function: (core, trigger, config, now) to
/// (new core, effects). It performs no I/O and reads no clock; the actor executes the effects. Each legal
/// (state, trigger) pair is one commented row of <see cref="Decide"/>; every other pair is a rejection naming the
/// state. Unlike Supervisor's 1-second loop, timers fire exactly when due. The jitter of a backoff delay comes in as
/// a sample (the actor draws it), so that the function stays pure.
/// </summary>
internal static partial class ProcessStateMachine
{
    public static Decision Decide(
        ProcessCore core,
        Trigger trigger,
        ProcessConfig config,
        DateTimeOffset now,
        double sample = 0.5
    )
    {
        var effects = new List<Effect>();
        var state = core.State;
        ProcessCore? next = trigger switch
        {
            // Not Supervisor's: depends_on holds a start in STARTING without a child, and ready= probes decide RUNNING.
            Trigger t when DecideReadiness(core, t, config, now, effects) is { } held => held,
            // STOPPED/EXITED/FATAL -> STARTING. BACKOFF counts as running ("already started"): only its timer retries.
            StartRequested start when state is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal =>
                OnStart(core, start, now, effects),
            // STARTING -> STARTING (or RUNNING at once when startsecs=0): the child exists.
            SpawnSucceeded spawned when state == ProcessState.Starting => OnSpawned(core, spawned, config, effects),
            // STARTING -> BACKOFF: the command could not be started at all.
            SpawnFailed failed when state == ProcessState.Starting => OnSpawnFailed(
                core,
                failed,
                config,
                sample,
                effects
            ),
            // A child exists in STARTING, RUNNING and STOPPING, and may still exist in UNKNOWN after a failed kill.
            ChildExited exited
                when state
                    is ProcessState.Starting
                        or ProcessState.Running
                        or ProcessState.Stopping
                        or ProcessState.Unknown => OnExit(core, exited, config, now, sample, effects) with
            {
                Pid = 0,
            },
            // RUNNING/STARTING -> STOPPING, BACKOFF -> STOPPED; Supervisor's RUNNING_STATES.
            StopRequested when state.IsRunning() => OnStop(core, config, effects),
            // EXITED -> STOPPED: a stop cancels the throttled restart (Supervisor has no such wait: its stop says NOT_RUNNING).
            StopRequested when state == ProcessState.Exited && core.ThrottleDelay is not null => Move(
                Unthrottled(core, effects),
                ProcessState.Stopped,
                effects
            ),
            // The current timer, in the state that armed it; any other timer is stale.
            TimerFired timer when timer.Token == core.TimerToken && IsArmedIn(timer.Kind, state, config) => OnTimer(
                core,
                timer,
                config,
                now,
                effects
            ),
            // BACKOFF -> FATAL: shutdown stops retrying.
            GiveUp when state == ProcessState.Backoff => Move(core with { Backoff = 0 }, ProcessState.Fatal, effects),
            // EXITED -> EXITED: shutdown cancels a throttled restart.
            GiveUp when state == ProcessState.Exited && core.ThrottleDelay is not null => Unthrottled(core, effects),
            // any signallable state -> UNKNOWN: kill() failed for a reason other than "no such process".
            SignalFailed failed when state.IsSignallable() => OnSignalFailed(core, failed, config, effects),
            // signallable -> same state: the user's signal goes to the current child.
            SignalRequested signal when state.IsSignallable() && core.WaitingFor is null => Emit(
                core,
                new DeliverSignal(signal.Signal),
                effects
            ),
            // signallable -> same state: bytes for the child's stdin.
            StdinWriteRequested write when state.IsSignallable() && core.WaitingFor is null => Emit(
                core,
                new WriteStdin(write.Data),
                effects
            ),
            _ => null,
        };
        return next is null ? new Decision(core, [], new Rejection(trigger, state)) : new Decision(next, effects);
    }

    private static bool IsArmedIn(TimerKind kind, ProcessState state, ProcessConfig config) =>
        (kind, state)
            is
                (TimerKind.StartSecs, ProcessState.Starting)
                or
                (TimerKind.Backoff, ProcessState.Backoff)
                or
                (TimerKind.StopDeadline, ProcessState.Stopping)
                or
                (TimerKind.Throttle, ProcessState.Exited)
        || (
            kind == TimerKind.ReadyDeadline
            && state == ProcessState.Starting
            && config.Readiness.Probe.Kind != ReadyKind.Running
        );

    private static ProcessCore Emit(ProcessCore core, Effect effect, List<Effect> effects)
    {
        effects.Add(effect);
        return core;
    }

    private static ProcessCore OnStart(ProcessCore core, StartRequested start, DateTimeOffset now, List<Effect> effects)
    {
        // A manual start begins a fresh series of retries (Supervisor keeps counting after a stop in BACKOFF: quirk §10.11, fixed).
        var backoff = start.Manual ? 0 : core.Backoff;
        var next = core with
        {
            Killing = false,
            SpawnError = null,
            EverStarted = true,
            LastStart = now,
            Backoff = backoff,
            TimerToken = core.TimerToken + 1,
            ThrottleDelay = null,
            QuickExits = start.Manual ? 0 : core.QuickExits,
        };
        effects.Add(new CancelTimer());
        next = Move(next, ProcessState.Starting, effects);
        effects.Add(new SpawnChild());
        return next;
    }

    private static ProcessCore OnSpawned(
        ProcessCore core,
        SpawnSucceeded spawned,
        ProcessConfig config,
        List<Effect> effects
    )
    {
        effects.Add(new SpawnedLine(config.Name, spawned.Pid));
        var next = core with { Pid = spawned.Pid };
        if (config.Readiness.Probe.Kind != ReadyKind.Running)
        {
            return OnSpawnedWithProbe(next, config, effects);
        }
        if (config.StartSecs <= 0)
        {
            // STARTING -> RUNNING at once: startsecs=0 asks for no observation period.
            return EnterRunning(next, config, effects);
        }
        var token = next.TimerToken + 1;
        effects.Add(new StartTimer(TimerKind.StartSecs, TimeSpan.FromSeconds(config.StartSecs), token));
        return next with { TimerToken = token };
    }

    private static ProcessCore OnSpawnFailed(
        ProcessCore core,
        SpawnFailed failed,
        ProcessConfig config,
        double sample,
        List<Effect> effects
    )
    {
        effects.Add(new SpawnErrorLine(failed.Message));
        return EnterBackoff(core with { SpawnError = failed.Message, Pid = 0 }, config, sample, effects);
    }

    private static ProcessCore OnExit(
        ProcessCore core,
        ChildExited exited,
        ProcessConfig config,
        DateTimeOffset now,
        double sample,
        List<Effect> effects
    )
    {
        var status = exited.Status;
        var exitStatus = status.SupervisorExitStatus;
        var expected = config.ExitCodes.Contains(exitStatus);
        // The pid stays until the end so that state-change events still carry it; Decide clears it.
        var ended = core with
        {
            LastStop = now,
            TimerToken = core.TimerToken + 1,
        };
        effects.Add(new CancelTimer());

        if (core.State == ProcessState.Unknown)
        {
            // UNKNOWN -> UNKNOWN: the child we could not kill is gone; nothing restarts an unknown process.
            return ended with { Killing = false, ExitStatus = exitStatus };
        }
        if (core.Killing || core.State == ProcessState.Stopping)
        {
            // STOPPING -> STOPPED: the exit we asked for; with killasgroup no descendant outlives it.
            effects.Add(new StoppedLine(config.Name, status.Describe(), expected));
            if (config.KillAsGroup)
            {
                effects.Add(new SignalStrays(9));
            }
            return Move(ended with { Killing = false, ExitStatus = exitStatus }, ProcessState.Stopped, effects);
        }
        if (
            core.State == ProcessState.Starting
            && (
                exited.Uptime < TimeSpan.FromSeconds(config.StartSecs)
                || config.Readiness.Probe.Kind != ReadyKind.Running
            )
        )
        {
            // STARTING -> BACKOFF: it died before startsecs (or before its ready= probe passed), even with an expected
            // exit code; at shutdown straight on to FATAL.
            effects.Add(new ExitedLine(config.Name, status.Describe(), Expected: false));
            var tooQuick = ended with
            {
                ExitStatus = 0,
                ReadyTimedOut = false,
                SpawnError = core.ReadyTimedOut
                    ? NotReadyError(config)
                    : "Exited too quickly (process log may have details)",
            };
            return exited.MayRestart
                ? EnterBackoff(tooQuick, config, sample, effects)
                : GiveUpNow(Move(tooQuick, ProcessState.Backoff, effects), config, effects);
        }
        var running = core.State == ProcessState.Starting ? EnterRunning(ended, config, effects) : ended;

        // RUNNING -> EXITED, expected or not. With backoff_reset, the retry count survives a run shorter than it.
        effects.Add(new ExitedLine(config.Name, status.Describe(), expected));
        var stayedUp = exited.Uptime >= TimeSpan.FromSeconds(Math.Max(0, config.StartSecs)) + config.Restart.Reset;
        var quickExits = RestartDelays.QuickExitsAfter(core.QuickExits, exited.Uptime);
        var exitedCore = Move(
            running with
            {
                Backoff = stayedUp ? 0 : running.Backoff,
                ExitStatus = exitStatus,
                QuickExits = quickExits,
            },
            ProcessState.Exited,
            effects,
            expected
        );

        // EXITED -> STARTING: autorestart=true always, autorestart=unexpected only for an unexpected exit.
        var restart =
            config.AutoRestart == AutoRestart.True || (config.AutoRestart == AutoRestart.Unexpected && !expected);
        if (!restart || !exited.MayRestart)
        {
            return exitedCore;
        }
        var delay =
            config.Restart.Throttle && exited.Uptime < RestartDelays.QuickRun
                ? RestartDelays.Throttle(quickExits)
                : TimeSpan.Zero;
        if (delay == TimeSpan.Zero)
        {
            return OnStart(exitedCore, new StartRequested(Manual: false), now, effects);
        }
        // EXITED -> EXITED: it keeps exiting at once; the autorestart waits (10 ms doubling to 1 s).
        var token = exitedCore.TimerToken + 1;
        effects.Add(new StartTimer(TimerKind.Throttle, delay, token));
        return exitedCore with { TimerToken = token, ThrottleDelay = delay };
    }

    private static ProcessCore Unthrottled(ProcessCore core, List<Effect> effects)
    {
        effects.Add(new CancelTimer());
        return core with { ThrottleDelay = null, TimerToken = core.TimerToken + 1 };
    }

    private static ProcessCore OnStop(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        if (core.State == ProcessState.Backoff)
        {
            // BACKOFF -> STOPPED: there is no child to signal.
            effects.Add(new CancelTimer());
            return Move(core with { TimerToken = core.TimerToken + 1 }, ProcessState.Stopped, effects);
        }
        // RUNNING/STARTING -> STOPPING: send stopsignal, and SIGKILL after stopwaitsecs.
        effects.Add(new KillingLine(config.Name, core.Pid, Platform.SignalTable.Name(config.StopSignal)));
        effects.Add(new SendSignal(config.StopSignal, config.StopAsGroup));
        if (config.StopAsGroup)
        {
            effects.Add(new SignalStrays(config.StopSignal));
        }
        var token = core.TimerToken + 1;
        effects.Add(new StartTimer(TimerKind.StopDeadline, TimeSpan.FromSeconds(config.StopWaitSecs), token));
        return Move(core with { Killing = true, TimerToken = token }, ProcessState.Stopping, effects);
    }

    private static ProcessCore OnTimer(
        ProcessCore core,
        TimerFired timer,
        ProcessConfig config,
        DateTimeOffset now,
        List<Effect> effects
    )
    {
        switch (timer.Kind)
        {
            case TimerKind.ReadyDeadline:
                return OnReadyDeadline(core, config, effects);
            case TimerKind.StartSecs:
                // STARTING -> RUNNING: it stayed up for startsecs.
                return EnterRunning(core, config, effects);
            case TimerKind.Backoff:
                // BACKOFF -> STARTING: the retry delay elapsed.
                return OnStart(core, new StartRequested(Manual: false), now, effects);
            case TimerKind.Throttle:
                // EXITED -> STARTING: the throttle's delay elapsed.
                return OnStart(core, new StartRequested(Manual: false), now, effects);
            default:
                // STOPPING -> STOPPING: stopwaitsecs elapsed, escalate to SIGKILL (again every stopwaitsecs).
                effects.Add(new SigkillLine(config.Name, core.Pid));
                effects.Add(new SendSignal(9, config.KillAsGroup));
                if (config.KillAsGroup)
                {
                    effects.Add(new SignalStrays(9));
                }
                var token = core.TimerToken + 1;
                effects.Add(
                    new StartTimer(
                        TimerKind.StopDeadline,
                        TimeSpan.FromSeconds(Math.Max(1, config.StopWaitSecs)),
                        token
                    )
                );
                return core with { TimerToken = token };
        }
    }

    private static ProcessCore OnSignalFailed(
        ProcessCore core,
        SignalFailed failed,
        ProcessConfig config,
        List<Effect> effects
    )
    {
        // The stop deadline armed with the failed signal must not fire in UNKNOWN.
        effects.Add(new KillFailedLine(config.Name, core.Pid, failed.Message));
        effects.Add(new CancelTimer());
        return Move(core with { Killing = false, TimerToken = core.TimerToken + 1 }, ProcessState.Unknown, effects);
    }

    private static ProcessCore EnterRunning(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        effects.Add(new EnteredRunningLine(config.Name, config.StartSecs));
        // With backoff_reset the count is reset only at an exit after the process stayed up that long.
        return Move(
            config.Restart.Reset > TimeSpan.Zero ? core : core with { Backoff = 0 },
            ProcessState.Running,
            effects
        );
    }

    private static ProcessCore EnterBackoff(ProcessCore core, ProcessConfig config, double sample, List<Effect> effects)
    {
        // startretries=forever never reaches its count; the count itself stops growing where the delays stop growing.
        var tries =
            config.StartRetries == RestartPolicy.Forever ? Math.Min(core.Backoff + 1, 1_000_000) : core.Backoff + 1;
        var backoff = Move(core with { Backoff = tries }, ProcessState.Backoff, effects);
        if (config.StartRetries != RestartPolicy.Forever && backoff.Backoff > config.StartRetries)
        {
            return GiveUpNow(backoff, config, effects);
        }
        // Supervisor's linear backoff waits 1 s, 2 s, 3 s ... before the next try; backoff=exponential 1 s, 2 s, 4 s ...
        var token = backoff.TimerToken + 1;
        effects.Add(
            new StartTimer(TimerKind.Backoff, RestartDelays.Backoff(config.Restart, backoff.Backoff, sample), token)
        );
        return backoff with { TimerToken = token };
    }

    private static ProcessCore GiveUpNow(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        // BACKOFF -> FATAL: too many start retries too quickly.
        effects.Add(new GaveUpLine(config.Name));
        return Move(core with { Backoff = 0 }, ProcessState.Fatal, effects);
    }

    private static ProcessCore Move(ProcessCore core, ProcessState to, List<Effect> effects, bool expected = false)
    {
        if (core.State != to)
        {
            effects.Add(new StateChanged(core.State, to, core.Pid, core.Backoff, expected));
        }
        return core with { State = to };
    }
}
