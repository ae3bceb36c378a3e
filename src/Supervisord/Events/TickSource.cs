namespace Supervise.Supervisord.Events;

/// <summary>
/// TICK_5, TICK_60 and TICK_3600 (Supervisor's supervisord.tick): an event each time the wall-clock slice
/// <c>int(now - now % period)</c> changes, with <c>when:</c> the new slice's start. The first one comes at the first
/// boundary after the timer is armed, never at arming. One timer, not a poll: it is armed only for the periods some
/// pool subscribes to and wakes only at their next boundary, so with no TICK subscriber nothing wakes at all.
/// When two periods share a boundary they are published in Supervisor's order (5, 60, 3600).
/// </summary>
internal sealed class TickSource(TimeProvider time, Action<SupervisorEvent> publish) : IDisposable
{
    public static readonly int[] Periods = [5, 60, 3600];

    // Guards _last and _timer: the hub re-arms on subscription changes while the timer fires on a pool thread.
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _last = [];
    private ITimer? _timer;

    /// <summary>Runs the timer for exactly these periods (none: disarmed).</summary>
    public void Want(IReadOnlyCollection<int> periods)
    {
        lock (_gate)
        {
            if (periods.Count == _last.Count && periods.All(_last.ContainsKey))
            {
                return;
            }
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var period in _last.Keys.Except(periods).ToList())
            {
                _last.Remove(period);
            }
            foreach (var period in periods.Where(p => !_last.ContainsKey(p)))
            {
                _last[period] = Slice(period, nowMs);
            }
            Schedule(nowMs);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _last.Clear();
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void OnTimer()
    {
        var due = new List<Tick>();
        lock (_gate)
        {
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var period in Periods.Where(_last.ContainsKey))
            {
                var slice = Slice(period, nowMs);
                // Any change counts, as in Supervisor: a clock set back also starts a new slice.
                if (slice != _last[period])
                {
                    _last[period] = slice;
                    due.Add(new Tick(period, slice));
                }
            }
            Schedule(nowMs);
        }
        // Outside the gate: the hub takes its own lock and may call Want.
        foreach (var tick in due)
        {
            publish(tick);
        }
    }

    /// <summary>Sets the timer to the nearest next boundary of the wanted periods, computed from now.</summary>
    private void Schedule(long nowMs)
    {
        if (_last.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        var next = _last.Keys.Min(p => (Slice(p, nowMs) + p) * 1000L);
        var delay = TimeSpan.FromMilliseconds(Math.Max(1, next - nowMs));
        if (_timer is null)
        {
            _timer = time.CreateTimer(_ => OnTimer(), null, delay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private static long Slice(int period, long nowMs) => (long)Math.Floor(nowMs / 1000.0 / period) * period;
}
