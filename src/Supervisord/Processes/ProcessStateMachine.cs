using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// Supervisor's process state machine (reference §2.2–2.5) as a pure function: (core, trigger, config, now) to
/// (new core, effects). It performs no I/O and reads no clock; the actor executes the effects. Each transition is
/// one commented branch. Unlike Supervisor's 1-second loop, timers fire exactly when due.
/// </summary>
public static class ProcessStateMachine
{
    public static (ProcessCore Core, IReadOnlyList<Effect> Effects) Decide(ProcessCore core, Trigger trigger, ProcessConfig config, DateTimeOffset now)
    {
        var effects = new List<Effect>();
        var next = trigger switch
        {
            StartRequested start => OnStart(core, start, now, effects),
            SpawnSucceeded spawned => OnSpawned(core, spawned, config, effects),
            SpawnFailed failed => OnSpawnFailed(core, failed, config, effects),
            ChildExited exited => OnExit(core, exited, config, now, effects) with { Pid = 0 },
            StopRequested => OnStop(core, config, effects),
            TimerFired timer when timer.Token == core.TimerToken => OnTimer(core, timer, config, now, effects),
            GiveUp when core.State == ProcessState.Backoff => Move(core with { Backoff = 0 }, ProcessState.Fatal, effects),
            SignalFailed failed when core.State.IsSignallable() => OnSignalFailed(core, failed, config, effects),
            _ => core,
        };
        return (next, effects);
    }

    private static ProcessCore OnStart(ProcessCore core, StartRequested start, DateTimeOffset now, List<Effect> effects)
    {
        // STOPPED/EXITED/FATAL/BACKOFF -> STARTING; any other state already has (or is losing) a child.
        if (core.State is not (ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal or ProcessState.Backoff))
        {
            return core;
        }
        // A manual start begins a fresh series of retries (Supervisor keeps counting after a stop in BACKOFF: quirk §10.11, fixed).
        var backoff = start.Manual ? 0 : core.Backoff;
        var next = core with { Killing = false, SpawnError = null, EverStarted = true, LastStart = now, Backoff = backoff, TimerToken = core.TimerToken + 1 };
        effects.Add(new CancelTimer());
        next = Move(next, ProcessState.Starting, effects);
        effects.Add(new SpawnChild());
        return next;
    }

    private static ProcessCore OnSpawned(ProcessCore core, SpawnSucceeded spawned, ProcessConfig config, List<Effect> effects)
    {
        if (core.State != ProcessState.Starting)
        {
            return core;
        }
        effects.Add(new WriteLog(LogLevel.Information, $"spawned: '{config.Name}' with pid {spawned.Pid}"));
        var next = core with { Pid = spawned.Pid };
        if (config.StartSecs <= 0)
        {
            // STARTING -> RUNNING at once: startsecs=0 asks for no observation period.
            return EnterRunning(next, config, effects);
        }
        var token = next.TimerToken + 1;
        effects.Add(new StartTimer(TimerKind.StartSecs, TimeSpan.FromSeconds(config.StartSecs), token));
        return next with { TimerToken = token };
    }

    private static ProcessCore OnSpawnFailed(ProcessCore core, SpawnFailed failed, ProcessConfig config, List<Effect> effects)
    {
        if (core.State != ProcessState.Starting)
        {
            return core;
        }
        // STARTING -> BACKOFF: the command could not be started at all.
        effects.Add(new WriteLog(LogLevel.Information, $"spawnerr: {failed.Message}"));
        return EnterBackoff(core with { SpawnError = failed.Message, Pid = 0 }, config, effects);
    }

    private static ProcessCore OnExit(ProcessCore core, ChildExited exited, ProcessConfig config, DateTimeOffset now, List<Effect> effects)
    {
        var status = exited.Status;
        var exitStatus = status.SupervisorExitStatus;
        var expected = config.ExitCodes.Contains(exitStatus);
        // The pid stays until the end so that state-change events still carry it; Decide clears it.
        var ended = core with { LastStop = now, TimerToken = core.TimerToken + 1 };
        effects.Add(new CancelTimer());

        if (core.Killing || core.State == ProcessState.Stopping)
        {
            // STOPPING -> STOPPED: the exit we asked for.
            effects.Add(new WriteLog(expected ? LogLevel.Information : LogLevel.Warning, $"stopped: {config.Name} ({status.Describe()})"));
            return Move(ended with { Killing = false, ExitStatus = exitStatus }, ProcessState.Stopped, effects);
        }
        if (core.State == ProcessState.Starting && exited.Uptime < TimeSpan.FromSeconds(config.StartSecs))
        {
            // STARTING -> BACKOFF: it died before startsecs, even with an expected exit code.
            effects.Add(new WriteLog(LogLevel.Warning, $"exited: {config.Name} ({status.Describe()}; not expected)"));
            var tooQuick = ended with { ExitStatus = 0, SpawnError = "Exited too quickly (process log may have details)" };
            return exited.MayRestart ? EnterBackoff(tooQuick, config, effects) : GiveUpNow(Move(tooQuick, ProcessState.Backoff, effects), config, effects);
        }
        if (core.State is not (ProcessState.Starting or ProcessState.Running))
        {
            return ended;
        }
        var running = core.State == ProcessState.Starting ? EnterRunning(ended, config, effects) : ended;

        // RUNNING -> EXITED, expected or not.
        effects.Add(new WriteLog(expected ? LogLevel.Information : LogLevel.Warning,
            $"exited: {config.Name} ({status.Describe()}; {(expected ? "expected" : "not expected")})"));
        var exitedCore = Move(running with { Backoff = 0, ExitStatus = exitStatus }, ProcessState.Exited, effects, expected);

        // EXITED -> STARTING: autorestart=true always, autorestart=unexpected only for an unexpected exit.
        var restart = config.AutoRestart == AutoRestart.True || (config.AutoRestart == AutoRestart.Unexpected && !expected);
        return restart && exited.MayRestart ? OnStart(exitedCore, new StartRequested(Manual: false), now, effects) : exitedCore;
    }

    private static ProcessCore OnStop(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        switch (core.State)
        {
            case ProcessState.Running or ProcessState.Starting:
                // RUNNING/STARTING -> STOPPING: send stopsignal, and SIGKILL after stopwaitsecs.
                effects.Add(new WriteLog(LogLevel.Debug, $"killing {config.Name} (pid {core.Pid}) with signal {SignalNames.Name(config.StopSignal)}"));
                effects.Add(new SendSignal(config.StopSignal, config.StopAsGroup));
                var token = core.TimerToken + 1;
                effects.Add(new StartTimer(TimerKind.StopDeadline, TimeSpan.FromSeconds(config.StopWaitSecs), token));
                return Move(core with { Killing = true, TimerToken = token }, ProcessState.Stopping, effects);
            case ProcessState.Backoff:
                // BACKOFF -> STOPPED: there is no child to signal.
                effects.Add(new CancelTimer());
                return Move(core with { TimerToken = core.TimerToken + 1 }, ProcessState.Stopped, effects);
            default:
                return core;
        }
    }

    private static ProcessCore OnTimer(ProcessCore core, TimerFired timer, ProcessConfig config, DateTimeOffset now, List<Effect> effects)
    {
        switch (timer.Kind, core.State)
        {
            case (TimerKind.StartSecs, ProcessState.Starting):
                // STARTING -> RUNNING: it stayed up for startsecs.
                return EnterRunning(core, config, effects);
            case (TimerKind.Backoff, ProcessState.Backoff):
                // BACKOFF -> STARTING: the retry delay elapsed.
                return OnStart(core, new StartRequested(Manual: false), now, effects);
            case (TimerKind.StopDeadline, ProcessState.Stopping):
                // STOPPING -> STOPPING: stopwaitsecs elapsed, escalate to SIGKILL (again every stopwaitsecs).
                effects.Add(new WriteLog(LogLevel.Warning, $"killing '{config.Name}' ({core.Pid}) with SIGKILL"));
                effects.Add(new SendSignal(9, config.KillAsGroup));
                var token = core.TimerToken + 1;
                effects.Add(new StartTimer(TimerKind.StopDeadline, TimeSpan.FromSeconds(Math.Max(1, config.StopWaitSecs)), token));
                return core with { TimerToken = token };
            default:
                return core;
        }
    }

    private static ProcessCore OnSignalFailed(ProcessCore core, SignalFailed failed, ProcessConfig config, List<Effect> effects)
    {
        // any signallable state -> UNKNOWN: kill() failed for a reason other than "no such process".
        effects.Add(new WriteLog(LogLevel.Critical, $"unknown problem killing {config.Name} ({core.Pid}):{failed.Message}"));
        return Move(core with { Killing = false }, ProcessState.Unknown, effects);
    }

    private static ProcessCore EnterRunning(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        effects.Add(new WriteLog(LogLevel.Information,
            $"success: {config.Name} entered RUNNING state, process has stayed up for > than {config.StartSecs} seconds (startsecs)"));
        return Move(core with { Backoff = 0 }, ProcessState.Running, effects);
    }

    private static ProcessCore EnterBackoff(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        var backoff = Move(core with { Backoff = core.Backoff + 1 }, ProcessState.Backoff, effects);
        if (backoff.Backoff > config.StartRetries)
        {
            return GiveUpNow(backoff, config, effects);
        }
        // Linear backoff: wait 1 s, 2 s, 3 s ... before the next try.
        var token = backoff.TimerToken + 1;
        effects.Add(new StartTimer(TimerKind.Backoff, TimeSpan.FromSeconds(backoff.Backoff), token));
        return backoff with { TimerToken = token };
    }

    private static ProcessCore GiveUpNow(ProcessCore core, ProcessConfig config, List<Effect> effects)
    {
        // BACKOFF -> FATAL: too many start retries too quickly.
        effects.Add(new WriteLog(LogLevel.Information, $"gave up: {config.Name} entered FATAL state, too many start retries too quickly"));
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
