namespace Supervise.Supervisord.Metrics;

/// <summary>
/// Calls of one control method: counts by outcome and a latency histogram. Any request thread records into it, so
/// every field moves with interlocked operations; a scrape may see a call counted and not yet in the histogram.
/// </summary>
public sealed class CallStats
{
    /// <summary>Bucket bounds in seconds: from a status read (sub-millisecond) to a start that waits for startsecs.</summary>
    public static readonly double[] Bounds =
    [
        0.0005,
        0.001,
        0.0025,
        0.005,
        0.01,
        0.025,
        0.05,
        0.1,
        0.25,
        0.5,
        1,
        2.5,
        5,
        10,
        30,
    ];

    private readonly long[] _outcomes = new long[CallOutcomes.Names.Length];
    private readonly long[] _buckets = new long[Bounds.Length + 1];
    private long _sumTicks;
    private long _timed;

    public long Count(CallOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

    /// <summary>Calls in the histogram (unary calls; a stream's lifetime is not a latency).</summary>
    public long Timed => Interlocked.Read(ref _timed);

    public double SumSeconds => TimeSpan.FromTicks(Interlocked.Read(ref _sumTicks)).TotalSeconds;

    /// <summary>Calls that took at most <see cref="Bounds"/>[index] (the last index is +Inf), cumulative as Prometheus wants.</summary>
    public long CumulativeBucket(int index)
    {
        long total = 0;
        for (var i = 0; i <= index; i++)
        {
            total += Interlocked.Read(ref _buckets[i]);
        }
        return total;
    }

    public void Record(CallOutcome outcome, TimeSpan? elapsed)
    {
        Interlocked.Increment(ref _outcomes[(int)outcome]);
        if (elapsed is not { } took)
        {
            return;
        }
        var seconds = took.TotalSeconds;
        var bucket = 0;
        while (bucket < Bounds.Length && seconds > Bounds[bucket])
        {
            bucket++;
        }
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Add(ref _sumTicks, took.Ticks);
        Interlocked.Increment(ref _timed);
    }
}
