using System.Globalization;
using System.Text;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration;

/// <summary>
/// The --check lines of the options beyond Supervisor (retries, backoff, throttle, env files). They appear only when
/// a program sets one of them, so that a Supervisor config's report stays as it was.
/// </summary>
internal static class LifecycleReport
{
    public static void Append(StringBuilder text, ProcessConfig process, int maxShownChars)
    {
        var policy = process.Restart;
        if (policy != RestartPolicy.Supervisor || process.StartRetries == RestartPolicy.Forever)
        {
            text.Append("  retries:   ").Append(Describe(process)).Append('\n');
        }
        foreach (var file in process.EnvFiles)
        {
            var shown = Echo.Escape(Echo.Text(file.Path, maxShownChars));
            text.Append("  env_file:  ").Append(shown).Append(file.Optional ? " (optional)" : "").Append('\n');
        }
    }

    private static string Describe(ProcessConfig process)
    {
        var p = process.Restart;
        var parts = new List<string>
        {
            process.StartRetries == RestartPolicy.Forever
                ? "startretries=forever"
                : $"startretries={process.StartRetries.ToString(CultureInfo.InvariantCulture)}",
            p.Curve == BackoffCurve.Exponential
                ? "backoff=exponential (1 s, 2 s, 4 s ...)"
                : "backoff=linear (1 s, 2 s, 3 s ...)",
        };
        if (p.Max is { } max)
        {
            parts.Add($"backoff_max={Seconds(max)} s");
        }
        if (p.Jitter > 0)
        {
            parts.Add($"backoff_jitter={p.Jitter.ToString(CultureInfo.InvariantCulture)}");
        }
        if (p.Reset > TimeSpan.Zero)
        {
            parts.Add($"backoff_reset={Seconds(p.Reset)} s");
        }
        parts.Add(p.Throttle ? "restart_throttle=true" : "restart_throttle=false");
        return string.Join(", ", parts);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
