namespace Supervise.Supervisord.Metrics;

/// <summary>
/// One process's life so far, counted from its state changes: written by the event hub's delivery (one writer, in
/// order), read by scrapes and status calls on other threads, hence the interlocked reads and writes.
/// </summary>
public sealed class ProcessCounters
{
    private long _spawns;
    private long _expectedExits;
    private long _unexpectedExits;
    private long _backoffs;
    private long _fatals;

    /// <summary>Entries into STARTING: every spawn attempt, the first one and each retry or restart.</summary>
    public long Spawns => Interlocked.Read(ref _spawns);

    public long ExpectedExits => Interlocked.Read(ref _expectedExits);

    public long UnexpectedExits => Interlocked.Read(ref _unexpectedExits);

    public long Backoffs => Interlocked.Read(ref _backoffs);

    public long Fatals => Interlocked.Read(ref _fatals);

    /// <summary>Counts one transition into <paramref name="to"/> (Supervisor's state name).</summary>
    public void Count(string to, bool expected)
    {
        switch (to)
        {
            case "STARTING":
                Interlocked.Increment(ref _spawns);
                break;
            case "EXITED" when expected:
                Interlocked.Increment(ref _expectedExits);
                break;
            case "EXITED":
                Interlocked.Increment(ref _unexpectedExits);
                break;
            case "BACKOFF":
                Interlocked.Increment(ref _backoffs);
                break;
            case "FATAL":
                Interlocked.Increment(ref _fatals);
                break;
        }
    }
}
