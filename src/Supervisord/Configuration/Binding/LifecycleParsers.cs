using System.Globalization;
using Supervise.Python;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>The value types of the options beyond Supervisor: startretries=forever, backoff=, durations, jitter.</summary>
internal static class LifecycleParsers
{
    /// <summary>Supervisor's integer, or <c>forever</c> (any case): retries never run out.</summary>
    public static Parsed<int> Retries(string text)
    {
        if (PyText.Strip(text).Equals("forever", StringComparison.OrdinalIgnoreCase))
        {
            return RestartPolicy.Forever;
        }
        var parsed = ValueParsers.Integer(text);
        return parsed.Ok && parsed.Value < 0
            ? Parsed<int>.Fail($"must be >= 0 or 'forever', got {parsed.Value.ToString(CultureInfo.InvariantCulture)}")
            : parsed;
    }

    public static Parsed<BackoffCurve> Curve(string text) =>
        PyText.Strip(text).ToLowerInvariant() switch
        {
            "linear" => BackoffCurve.Linear,
            "exponential" => BackoffCurve.Exponential,
            _ => Parsed<BackoffCurve>.Fail($"must be 'linear' or 'exponential', got {Echo.Repr(text)}"),
        };

    /// <summary>Seconds, fractions allowed (<c>0.5</c>), at most a day: a timer further out is a typo.</summary>
    public static Parsed<TimeSpan> Seconds(string text)
    {
        if (!PyFloat.TryParse(PyText.Strip(text), out var seconds) || !double.IsFinite(seconds))
        {
            return Parsed<TimeSpan>.Fail($"must be a number of seconds, got {Echo.Repr(text)}");
        }
        return seconds is < 0 or > 86400
            ? Parsed<TimeSpan>.Fail(
                $"must be between 0 and 86400 seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}"
            )
            : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A signal name or number as for stopsignal=, or <c>none</c> (also off, false, 0) for no parent-death signal.</summary>
    public static Parsed<int> DeathSignal(string text) =>
        PyText.Strip(text).ToLowerInvariant() is "none" or "off" or "false" or "0" ? 0 : Signals.Parse(text);

    /// <summary>backoff_max=: seconds, more than zero (leaving the option out means no cap).</summary>
    public static Parsed<TimeSpan?> Cap(string text)
    {
        var seconds = Seconds(text);
        return !seconds.Ok ? Parsed<TimeSpan?>.Fail(seconds.Error!)
            : seconds.Value == TimeSpan.Zero ? Parsed<TimeSpan?>.Fail("must be > 0 seconds; leave it out for no cap")
            : seconds.Value;
    }

    public static Parsed<double> Fraction(string text)
    {
        if (!PyFloat.TryParse(PyText.Strip(text), out var value) || value is < 0 or > 1 || double.IsNaN(value))
        {
            return Parsed<double>.Fail(
                $"must be a fraction between 0 and 1 (0.2 spreads each delay by +-20%), got {Echo.Repr(text)}"
            );
        }
        return value;
    }
}
