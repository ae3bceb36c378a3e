namespace Supervise.Supervisord.Events;

/// <summary>What the pool's loop reads from its inbox, and the state only that loop touches.</summary>
public sealed partial class EventListenerPool
{
    private abstract record Input;

    private sealed record Delivered(PublishedEvent Published) : Input;

    /// <summary>Subscribed events wait in the incoming queue.</summary>
    private sealed record Arrived : Input
    {
        public static readonly Arrived Instance = new();
    }

    private sealed record Output(string Listener, byte[] Data) : Input;

    private sealed record Idle(TaskCompletionSource Done) : Input;

    /// <summary>An event in this pool's buffer, with the serials it was accepted with.</summary>
    private sealed record Buffered(long Serial, long PoolSerial, SupervisorEvent Event);

    private sealed class Listener(IListenerProcess process)
    {
        public IListenerProcess Process { get; } = process;

        public ListenerState State { get; set; } = ListenerState.Acknowledged;

        /// <summary>Whether the process is RUNNING: Supervisor sends events only to running listeners.</summary>
        public bool Running { get; set; }

        public List<byte> Pending { get; } = [];

        public Buffered? InFlight { get; set; }
    }
}
