namespace Supervise.Supervisord.Hosting;

/// <summary>
/// Gives memory back after bursts of work. The GC lets the garbage of control calls and spawns pile up before it
/// collects, and keeps what it collected committed: 40 `status` calls at 1000 programs added 15 MB of RSS that
/// stayed. A supervisor idles between bursts, so once a burst has allocated more than <see cref="Threshold"/>
/// since the last trim, one compacting collection shortly after returns the memory to the system. Work calls
/// <see cref="Nudge"/>; an idle daemon never collects.
/// </summary>
public static class MemoryTrim
{
    private const long Threshold = 8 << 20;
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);
    private static long _trimmedAt;
    private static int _pending;
    private static int _trims;

    /// <summary>How many trims have run in this process.</summary>
    public static int Trims => Volatile.Read(ref _trims);

    /// <summary>Called after work that allocates (a control call, a spawn): schedules a trim when enough piled up.</summary>
    public static void Nudge()
    {
        if (GC.GetTotalAllocatedBytes() - Volatile.Read(ref _trimmedAt) < Threshold || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }
        _ = Task.Delay(Delay).ContinueWith(_ => Trim(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Collects everything now and returns free memory to the system.</summary>
    public static void Trim()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Volatile.Write(ref _trimmedAt, GC.GetTotalAllocatedBytes());
        Interlocked.Increment(ref _trims);
        Volatile.Write(ref _pending, 0);
    }
}
