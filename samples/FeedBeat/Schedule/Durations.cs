using System.Globalization;
using System.Text.RegularExpressions;

namespace Supervise.Samples.FeedBeat.Schedule;

/// <summary>Parses <c>every</c> values: one or more number+unit pairs, such as "90s", "27m", "1h30m", "2d", "500ms".</summary>
public static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!Whole().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text))
        {
            var value = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromDays(value),
            };
        }

        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(\d{1,9}(ms|s|m|h|d))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d{1,9})(ms|s|m|h|d)")]
    private static partial Regex Part();
}
