using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>What the actor must do after a transition; the state machine itself performs no I/O.</summary>
public abstract record Effect;

public sealed record SpawnChild : Effect;

public sealed record SendSignal(int Signal, bool ToGroup) : Effect;

public sealed record StartTimer(TimerKind Kind, TimeSpan Delay, int Token) : Effect;

public sealed record CancelTimer : Effect;

public sealed record StateChanged(ProcessState From, ProcessState To) : Effect;

public sealed record WriteLog(LogLevel Level, string Message) : Effect;
