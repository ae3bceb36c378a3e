using Microsoft.Extensions.Time.Testing;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>A FakeTimeProvider that also tells how many timers are armed: created, not yet fired, not disposed.</summary>
public sealed class TrackedTime : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<Tracked> _timers = [];

    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => !t.Fired && !t.Disposed);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new Tracked();
        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Fired = period == Timeout.InfiniteTimeSpan;
                callback(s);
            },
            state,
            dueTime,
            period
        );
        lock (_gate)
        {
            _timers.Add(tracked);
        }
        return tracked;
    }

    private sealed class Tracked : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public bool Fired { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);

        public void Dispose()
        {
            Disposed = true;
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return Inner.DisposeAsync();
        }
    }
}
