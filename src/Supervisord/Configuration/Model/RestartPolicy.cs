namespace Supervise.Supervisord.Configuration.Model;

/// <summary>
/// How a process is retried and restarted beyond Supervisor's options (backoff=, backoff_max=, backoff_jitter=,
/// backoff_reset=, restart_throttle=). <see cref="Supervisor"/> is Supervisor 4.2.5's behaviour: a linear 1 s, 2 s,
/// 3 s backoff without cap or jitter, the retry count reset on entering RUNNING.
/// </summary>
/// <param name="Curve">The delay before retry n: n seconds (linear) or 2^(n-1) seconds (exponential).</param>
/// <param name="Max">The cap on one delay, or null for none.</param>
/// <param name="Jitter">0 to 1: each delay is drawn from [d × (1 − jitter), d × (1 + jitter)], then capped.</param>
/// <param name="Reset">How long a process must stay RUNNING before its retry count is reset; zero resets on entering RUNNING.</param>
/// <param name="Throttle">Whether autorestarts of runs shorter than <see cref="RestartThrottle.QuickRun"/> are delayed.</param>
public sealed record RestartPolicy(BackoffCurve Curve, TimeSpan? Max, double Jitter, TimeSpan Reset, bool Throttle)
{
    public static RestartPolicy Supervisor { get; } = new(BackoffCurve.Linear, null, 0, TimeSpan.Zero, Throttle: true);

    /// <summary>What startretries=forever stores: no count is ever reached.</summary>
    public const int Forever = int.MaxValue;
}

public enum BackoffCurve
{
    Linear,
    Exponential,
}
