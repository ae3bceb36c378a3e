namespace Supervise.Supervisord.Wire;

/// <summary>
/// Bounds how often bad requests are logged, so that a local client cannot fill the disk with them: at most
/// <see cref="PerSecond"/> lines a second; the rest are counted and the count is reported with the next allowed line.
/// </summary>
public sealed class LogThrottle(TimeProvider time)
{
    public const int PerSecond = 5;

    // Guards the window and the counts; bad requests arrive on many connections at once.
    private readonly Lock _gate = new();
    private long _windowStart;
    private int _inWindow;
    private int _suppressed;

    /// <summary>Total lines refused since start (for /metrics).</summary>
    public long Suppressed { get; private set; }

    /// <returns>Whether to log now, and how many lines were suppressed before this one.</returns>
    public (bool Allowed, int SuppressedBefore) TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (time.GetElapsedTime(_windowStart, now) >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _inWindow = 0;
            }
            if (_inWindow >= PerSecond)
            {
                _suppressed++;
                Suppressed++;
                return (false, 0);
            }
            _inWindow++;
            var before = _suppressed;
            _suppressed = 0;
            return (true, before);
        }
    }
}
