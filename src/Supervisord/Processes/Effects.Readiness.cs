namespace Supervise.Supervisord.Processes;

/// <summary>Begin probing the child's readiness (ready=); the actor ends the probe when the process leaves STARTING.</summary>
internal sealed record StartProbe(int Pid) : Effect;

/// <summary>The ready= probe passed: the process is ready.</summary>
internal sealed record ReadyLine(string Name, string Probe) : WriteLog;

/// <summary>The ready= deadline passed: the child is killed and the start counts as failed.</summary>
internal sealed record NotReadyLine(string Name, int Pid, string Probe, double Seconds) : WriteLog;

/// <summary>A held start was released, or given up because a dependency failed.</summary>
internal sealed record DependencyLine(string Name, string Text) : WriteLog;
