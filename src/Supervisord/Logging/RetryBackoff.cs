namespace Supervise.Supervisord.Logging;

/// <summary>
/// When a failing log file is tried again: <see cref="First"/> after the failure, then twice as long after each retry
/// that fails, up to <see cref="Longest"/>. Retries ride a timer, never every read, so a full disk costs a few system
/// calls a second per channel, not one per line.
/// </summary>
public sealed class RetryBackoff(TimeProvider time)
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(2);

    private long _since;
    private TimeSpan _delay = TimeSpan.Zero;

    /// <summary>True when a retry is waiting (the file failed and has not recovered).</summary>
    public bool Armed => _delay > TimeSpan.Zero;

    /// <summary>The wait before the next retry (zero when not armed).</summary>
    public TimeSpan Delay => _delay;

    /// <summary>A write or retry failed: the next retry waits <see cref="First"/>, or twice as long as the last wait.</summary>
    public void Failed()
    {
        _since = time.GetTimestamp();
        _delay = _delay == TimeSpan.Zero ? First : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, Longest.Ticks));
    }

    public bool Due => Armed && time.GetElapsedTime(_since) >= _delay;

    /// <summary>The file works again.</summary>
    public void Reset() => _delay = TimeSpan.Zero;
}
