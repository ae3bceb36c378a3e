namespace Supervise.Supervisord.Hosting;

/// <summary>
/// Gives memory back after bursts of work. The GC keeps what it collected committed: 40 `status` calls at 1000
/// programs added ~10 MB of RSS that stayed. A supervisor idles between bursts, so once a burst has allocated more
/// than <see cref="Threshold"/> since the last look and the GC's committed memory has grown more than
/// <see cref="Growth"/> over its value after the last trim, one compacting collection after it returns the memory to
/// the system. Work calls <see cref="Nudge"/>; an idle daemon never collects.
/// </summary>
/// <remarks>
/// The growth condition keeps steady work from trimming often: with the young generation capped (GCGen0MaxBudget in
/// Supervisord.csproj) a trim every 8 MB allocated made RSS saw (docs/reliability.md, "Soak"), while a 6 MB gate let
/// garbage promoted past the young generation creep 4.8 MB over 30 minutes; 2 MB bounds that creep.
/// The trim waits for the burst to end (<see cref="Quiet"/> without a nudge), or at most <see cref="MaxWait"/> under
/// steady load. Trimming <see cref="Quiet"/> after the first nudge instead cost a poller calling getAllProcessInfo
/// back to back a full collection every ~130 calls, and the page faults of re-touching the memory it decommitted: a
/// fifth of the daemon's CPU.
/// </remarks>
public sealed class MemoryTrim : IDisposable
{
    public const long Threshold = 8 << 20;
    public const long Growth = 2 << 20;
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly Func<long> _allocated;
    private readonly Func<long> _committed;
    private readonly Action _collect;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _lookedAt;
    private long _committedAfterTrim;
    private long _firstNudge;
    private long _lastNudge;
    private bool _pending;
    private int _trims;

    /// <param name="allocated">Bytes allocated so far (the GC's count unless a spec gives its own).</param>
    /// <param name="collect">The collection (a compacting, decommitting full GC unless a spec gives its own).</param>
    /// <param name="committed">Bytes the GC holds committed (as of its last collection unless a spec gives its own).</param>
    public MemoryTrim(
        TimeProvider time,
        Func<long>? allocated = null,
        Action? collect = null,
        Func<long>? committed = null
    )
    {
        _time = time;
        _allocated = allocated ?? (() => GC.GetTotalAllocatedBytes());
        _committed = committed ?? (() => GC.GetGCMemoryInfo().TotalCommittedBytes);
        _collect = collect ?? (() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true));
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How many trims have run.</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>Whether a trim is waiting for its burst to end.</summary>
    public bool Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Called after work that allocates (a control call, a spawn): schedules a trim when enough piled up.</summary>
    public void Nudge()
    {
        if (Volatile.Read(ref _pending))
        {
            // A trim waits for its burst to end: this nudge is part of the burst and puts it off.
            var at = _time.GetTimestamp();
            lock (_gate)
            {
                _lastNudge = at;
            }
            return;
        }
        var allocated = _allocated();
        if (allocated - Volatile.Read(ref _lookedAt) < Threshold)
        {
            return;
        }
        // Looked at once per Threshold allocated: the committed figure costs more than the allocation count.
        Volatile.Write(ref _lookedAt, allocated);
        if (_committed() - Volatile.Read(ref _committedAfterTrim) < Growth)
        {
            return;
        }
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            _lastNudge = now;
            if (_pending)
            {
                return;
            }
            _pending = true;
            _firstNudge = now;
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Collects everything now and returns free memory to the system.</summary>
    public void Trim()
    {
        _collect();
        Volatile.Write(ref _lookedAt, _allocated());
        Volatile.Write(ref _committedAfterTrim, _committed());
        Interlocked.Increment(ref _trims);
        lock (_gate)
        {
            _pending = false;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void OnTimer()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var quietFor = _time.GetElapsedTime(_lastNudge, now);
            var waited = _time.GetElapsedTime(_firstNudge, now);
            if (quietFor < Quiet && waited < MaxWait)
            {
                var wait = Quiet - quietFor;
                _timer.Change(wait < MaxWait - waited ? wait : MaxWait - waited, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        Trim();
    }
}
