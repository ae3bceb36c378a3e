namespace Supervise.Supervisord.Events;

/// <summary>One event as Supervisor's listener protocol carries it: a type name and its payload text.</summary>
/// <param name="Serial">The global serial, from 0, across every pool.</param>
public sealed record SupervisorEvent(long Serial, string Name, string Payload);
