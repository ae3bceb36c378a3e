namespace Supervise.Supervisord.Processes;

/// <summary>A start that must wait for dependencies first: STARTING without a child until released.</summary>
/// <param name="WaitingFor">What the status description shows, such as "waiting for db".</param>
internal sealed record HoldRequested(string WaitingFor, bool Manual) : Trigger;

/// <summary>Every dependency of a held start is ready: spawn now.</summary>
internal sealed record DependenciesReady : Trigger;

/// <summary>A dependency of a held start will not become ready (it is FATAL or was stopped).</summary>
internal sealed record DependencyFailed(string Message) : Trigger;

/// <summary>The ready= probe passed for this child (0: the sender is not known, as for a notify datagram).</summary>
internal sealed record ProbePassed(int Pid) : Trigger;
