namespace Supervise.Supervisord.Processes;

/// <summary>The state machine's view of one process. Immutable; every transition returns a new one.</summary>
/// <param name="Backoff">Consecutive failed starts (Supervisor's <c>backoff</c>).</param>
/// <param name="ExitStatus">The last exit status; -1 for a signal death.</param>
/// <param name="Killing">A stop signal was sent and the exit is awaited.</param>
/// <param name="TimerToken">Identifies the current timer; a fired timer with another token is stale.</param>
public sealed record ProcessCore(
    ProcessState State,
    int Pid,
    int Backoff,
    int ExitStatus,
    string? SpawnError,
    bool Killing,
    bool EverStarted,
    DateTimeOffset? LastStart,
    DateTimeOffset? LastStop,
    int TimerToken
)
{
    public static ProcessCore Initial { get; } = new(ProcessState.Stopped, 0, 0, 0, null, false, false, null, null, 0);

    /// <summary>Set while a start waits for its dependencies (STARTING without a child): what it waits for.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>The ready= deadline passed and the child was killed: its exit is a failed start.</summary>
    public bool ReadyTimedOut { get; init; }

    /// <summary>Consecutive runs shorter than <see cref="RestartDelays.QuickRun"/> (the restart throttle's count).</summary>
    public int QuickExits { get; init; }

    /// <summary>In EXITED: the throttle delays the autorestart by this much; null when no restart is pending.</summary>
    public TimeSpan? ThrottleDelay { get; init; }
}
