namespace Supervise.Supervisord.Events;

/// <summary>One event as the hub delivers it to its subscribers.</summary>
/// <param name="Serial">
/// Supervisor's global serial, from 0: only events that some listener pool subscribes to are numbered (as
/// Supervisor numbers an event when a pool first accepts it); -1 for the others.
/// </param>
/// <param name="At">When it was published, on the hub's clock.</param>
public sealed record PublishedEvent(long Serial, DateTimeOffset At, SupervisorEvent Event);
