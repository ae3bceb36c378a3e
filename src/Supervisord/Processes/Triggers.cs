using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// Something that happened to a process; the state machine decides what it means in the current state. Internal:
/// outside this folder a process is driven only through <see cref="SupervisedProcess"/>'s commands, each with a reply.
/// </summary>
internal abstract record Trigger;

/// <summary>A start: by request (ctl, group start) or automatic (autostart, autorestart, backoff retry).</summary>
internal sealed record StartRequested(bool Manual) : Trigger;

internal sealed record SpawnSucceeded(int Pid) : Trigger;

internal sealed record SpawnFailed(string Message) : Trigger;

/// <summary>The child was reaped.</summary>
/// <param name="Uptime">Monotonic time since the spawn, so that a wall-clock jump cannot fake startsecs.</param>
/// <param name="MayRestart">False while the daemon shuts down or reloads: nothing restarts then.</param>
internal sealed record ChildExited(WaitStatus Status, TimeSpan Uptime, bool MayRestart) : Trigger;

internal sealed record StopRequested : Trigger;

/// <summary>A timer set by a <see cref="StartTimer"/> effect fired; stale tokens are rejected.</summary>
internal sealed record TimerFired(TimerKind Kind, int Token) : Trigger;

/// <summary>Shutdown stops retrying: BACKOFF becomes FATAL.</summary>
internal sealed record GiveUp : Trigger;

/// <summary>kill() of the stop signal or SIGKILL failed with something other than ESRCH.</summary>
internal sealed record SignalFailed(string Message) : Trigger;

/// <summary>supervisorctl signal: a plain kill(pid, sig) of the current child.</summary>
internal sealed record SignalRequested(int Signal) : Trigger;

/// <summary>supervisorctl sendProcessStdin, or an event for a listener.</summary>
internal sealed record StdinWriteRequested(ReadOnlyMemory<byte> Data) : Trigger;

internal enum TimerKind
{
    StartSecs,
    Backoff,
    StopDeadline,

    /// <summary>ready_deadline: the probe did not pass in time.</summary>
    ReadyDeadline,

    /// <summary>The restart throttle's delay before an autorestart, armed in EXITED.</summary>
    Throttle,
}
