namespace Supervise.Supervisord.Events;

/// <summary>
/// Supervisor's events (reference §5.1) as a closed hierarchy of typed records: every type the daemon emits is one of
/// the records below, and nothing outside this assembly can add one. They carry plain values (names, pids, bytes),
/// not processes, so that Events depends on nothing it reports about. Supervisor's type names and payload text are
/// made from them at the listener's edge, by <see cref="EventText"/>; WatchEvents and metrics read the records.
/// The records are kept together in this file because they are read as one union.
/// </summary>
public abstract record SupervisorEvent
{
    private protected SupervisorEvent() { }
}

/// <summary>A process changed state; states are Supervisor's names (states.py), e.g. <c>RUNNING</c>.</summary>
/// <param name="Pid">The pid at the time of the change (still set for STOPPED and EXITED).</param>
/// <param name="Tries">The backoff counter, reported for STARTING and BACKOFF.</param>
/// <param name="Expected">For EXITED: whether the exit code was in exitcodes.</param>
public sealed record ProcessStateChanged(
    string Process,
    string Group,
    string From,
    string To,
    int Pid,
    int Tries,
    bool Expected
) : SupervisorEvent;

/// <summary>A group was instantiated: at start-up, reload, add or update.</summary>
public sealed record ProcessGroupAdded(string Group) : SupervisorEvent;

/// <summary>A group was removed.</summary>
public sealed record ProcessGroupRemoved(string Group) : SupervisorEvent;

/// <summary>The daemon's main loop started (also after each reload), or shutdown or reload began.</summary>
public sealed record SupervisorStateChanged(SupervisorPhase Phase) : SupervisorEvent;

/// <summary>A wall-clock time slice of <paramref name="Period"/> seconds (5, 60 or 3600) began.</summary>
/// <param name="When">The slice's start, in epoch seconds.</param>
public sealed record Tick(int Period, long When) : SupervisorEvent;

/// <summary>supervisor.sendRemoteCommEvent(type, data).</summary>
public sealed record RemoteCommunication(string Type, string Data) : SupervisorEvent;

/// <summary>A process wrote output on a channel with <c>*_events_enabled</c>.</summary>
public sealed record ProcessLog(OutputChannel Channel, string Process, string Group, int Pid, ReadOnlyMemory<byte> Data)
    : SupervisorEvent;

/// <summary>A capture-mode block (between Supervisor's BEGIN and END tokens) was completed on a channel.</summary>
public sealed record ProcessCommunication(
    OutputChannel Channel,
    string Process,
    string Group,
    int Pid,
    ReadOnlyMemory<byte> Data
) : SupervisorEvent;

public enum SupervisorPhase
{
    Running,
    Stopping,
}

public enum OutputChannel
{
    Stdout,
    Stderr,
}
