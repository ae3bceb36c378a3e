using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>A pool named "audit" on a hub, with listener processes that record what is written to their stdin.</summary>
internal sealed class PoolHarness : IDisposable
{
    private readonly IDisposable _subscription;

    public PoolHarness(string events = "PROCESS_GROUP", int bufferSize = 10, params string[] listeners)
    {
        Listeners = (listeners.Length == 0 ? ["l0"] : listeners).Select(n => new FakeListener(n)).ToList();
        Pool = new EventListenerPool(
            "audit",
            Listeners,
            new EventSubscription(events.Split(',')),
            bufferSize,
            "sv",
            NullLogger.Instance
        );
        _subscription = Hub.Subscribe(Pool);
    }

    public EventHub Hub { get; } = new(new FakeTimeProvider());

    public EventListenerPool Pool { get; }

    public List<FakeListener> Listeners { get; }

    public FakeListener First => Listeners[0];

    /// <summary>The listener's process reaches RUNNING (as its actor would publish it) and says READY.</summary>
    public void Run(FakeListener listener)
    {
        Hub.Publish(new ProcessStateChanged(listener.Name, "audit", "STOPPED", "STARTING", 0, 0, false));
        Hub.Publish(new ProcessStateChanged(listener.Name, "audit", "STARTING", "RUNNING", 100, 0, false));
        Say(listener, "READY\n");
    }

    public void Say(FakeListener listener, string output) =>
        Pool.OnOutput(listener.Name, Encoding.UTF8.GetBytes(output));

    public void Dispose()
    {
        _subscription.Dispose();
        Pool.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
    }

    internal sealed class FakeListener(string name) : IListenerProcess
    {
        private readonly Lock _gate = new();
        private readonly List<string> _writes = [];

        public string Name { get; } = name;

        public bool Accepts { get; set; } = true;

        /// <summary>When set, writes complete only when it does (a listener not reading its stdin).</summary>
        public Task<bool>? Block { get; set; }

        public IReadOnlyList<string> Writes
        {
            get
            {
                lock (_gate)
                {
                    return [.. _writes];
                }
            }
        }

        public async Task<bool> WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            if (Block is { } block)
            {
                await block;
            }
            lock (_gate)
            {
                if (Accepts)
                {
                    _writes.Add(Encoding.UTF8.GetString(data.Span));
                }
                return Accepts;
            }
        }
    }
}
