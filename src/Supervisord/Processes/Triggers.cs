using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>Something that happened to a process; the state machine decides what it means in the current state.</summary>
public abstract record Trigger;

/// <summary>A start: by request (ctl, group start) or automatic (autostart, autorestart, backoff retry).</summary>
public sealed record StartRequested(bool Manual) : Trigger;

public sealed record SpawnSucceeded(int Pid) : Trigger;

public sealed record SpawnFailed(string Message) : Trigger;

/// <summary>The child was reaped.</summary>
/// <param name="Uptime">Monotonic time since the spawn, so that a wall-clock jump cannot fake startsecs.</param>
/// <param name="MayRestart">False while the daemon shuts down or reloads: nothing restarts then.</param>
public sealed record ChildExited(WaitStatus Status, TimeSpan Uptime, bool MayRestart) : Trigger;

public sealed record StopRequested : Trigger;

/// <summary>A timer set by a <see cref="StartTimer"/> effect fired; stale tokens are ignored.</summary>
public sealed record TimerFired(TimerKind Kind, int Token) : Trigger;

/// <summary>Shutdown stops retrying: BACKOFF becomes FATAL.</summary>
public sealed record GiveUp : Trigger;

/// <summary>kill() failed with something other than ESRCH.</summary>
public sealed record SignalFailed(string Message) : Trigger;

public enum TimerKind
{
    StartSecs,
    Backoff,
    StopDeadline,
}
