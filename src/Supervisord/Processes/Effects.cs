using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>What the actor must do after a transition; the state machine itself performs no I/O.</summary>
public abstract record Effect;

public sealed record SpawnChild : Effect;

public sealed record SendSignal(int Signal, bool ToGroup) : Effect;

public sealed record StartTimer(TimerKind Kind, TimeSpan Delay, int Token) : Effect;

public sealed record CancelTimer : Effect;

/// <summary>A state change, with what Supervisor's PROCESS_STATE events report: the pid at the time of the change,
/// the retry count, and for EXITED whether the exit was expected.</summary>
public sealed record StateChanged(ProcessState From, ProcessState To, int Pid = 0, int Tries = 0, bool Expected = false) : Effect;

public sealed record WriteLog(LogLevel Level, string Message) : Effect;
