using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The two delays before an automatic start, as pure functions. <see cref="Backoff"/>: the wait in BACKOFF before
/// retry n (Supervisor: n seconds). <see cref="Throttle"/>: the wait in EXITED before an autorestart of a program that
/// keeps exiting at once. Supervisor's 1-second loop throttles such a program by accident (3 restarts a second); a
/// restart as soon as the exit is reaped would otherwise cost a core (873 restarts a second, issue 15).
/// </summary>
internal static class RestartDelays
{
    /// <summary>
    /// A run shorter than this counts as quick and is throttled. Well under the 0.2 s runs of the restart benchmark, whose restart gap
    /// must stay immediate; a program that runs this long restarts at most 10 times a second, about 1% of a core.
    /// </summary>
    public static readonly TimeSpan QuickRun = TimeSpan.FromMilliseconds(100);

    /// <summary>A run at least this long resets the count: the program stayed up.</summary>
    public static readonly TimeSpan StayedUp = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan ThrottleStart = TimeSpan.FromMilliseconds(10);

    /// <summary>Supervisor's tick: a throttled program restarts about as often as under Supervisor.</summary>
    public static readonly TimeSpan ThrottleMax = TimeSpan.FromSeconds(1);

    /// <summary>No timer further out than a day, whatever the curve and the count.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <param name="attempt">The retry count after this failure, from 1.</param>
    /// <param name="sample">A uniform sample in [0, 1) for the jitter; 0.5 is the midpoint (no change).</param>
    public static TimeSpan Backoff(RestartPolicy policy, int attempt, double sample)
    {
        var seconds = policy.Curve == BackoffCurve.Exponential ? Math.Pow(2, Math.Min(attempt - 1, 30)) : attempt;
        seconds *= 1 + (policy.Jitter * ((2 * sample) - 1));
        var delay = TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
        return policy.Max is { } max && delay > max ? max : delay;
    }

    /// <summary>
    /// The count after a run: one more for a quick run; unchanged for a run between <see cref="QuickRun"/> and
    /// <see cref="StayedUp"/> (restarted at once, but a slow spawn on a loaded machine does not undo the throttle);
    /// zero once the program stayed up.
    /// </summary>
    public static int QuickExitsAfter(int quickExits, TimeSpan uptime) =>
        uptime < QuickRun ? Math.Min(quickExits + 1, 1000)
        : uptime < StayedUp ? quickExits
        : 0;

    /// <param name="quickExits">Consecutive quick runs, this one included.</param>
    /// <returns>Zero for the first quick exit (a crash restarts at once), then 10 ms doubling up to 1 s.</returns>
    public static TimeSpan Throttle(int quickExits)
    {
        if (quickExits < 2)
        {
            return TimeSpan.Zero;
        }
        var doubled = ThrottleStart * Math.Pow(2, Math.Min(quickExits - 2, 16));
        return doubled > ThrottleMax ? ThrottleMax : doubled;
    }
}
