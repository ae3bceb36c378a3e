namespace Supervise.Supervisord.Processes;

/// <summary>What the actor must do after a transition; the state machine itself performs no I/O.</summary>
public abstract record Effect;

internal sealed record SpawnChild : Effect;

/// <summary>The stop signal or SIGKILL; a failure comes back as <see cref="SignalFailed"/> once the list is done.</summary>
internal sealed record SendSignal(int Signal, bool ToGroup) : Effect;

/// <summary>The user's signal: a failure goes back to the caller and changes no state (Supervisor's signal()).</summary>
internal sealed record DeliverSignal(int Signal) : Effect;

internal sealed record WriteStdin(ReadOnlyMemory<byte> Data) : Effect;

/// <summary>stopasgroup/killasgroup: the descendants that left the process group (setsid, double fork) get this signal too.</summary>
internal sealed record SignalStrays(int Signal) : Effect;

internal sealed record StartTimer(TimerKind Kind, TimeSpan Delay, int Token) : Effect;

internal sealed record CancelTimer : Effect;

/// <summary>A state change, with what Supervisor's PROCESS_STATE events report: the pid at the time of the change,
/// the retry count, and for EXITED whether the exit was expected.</summary>
public sealed record StateChanged(ProcessState From, ProcessState To, int Pid = 0, int Tries = 0, bool Expected = false)
    : Effect;
