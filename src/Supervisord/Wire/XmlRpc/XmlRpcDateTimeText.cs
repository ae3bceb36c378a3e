using System.Text.RegularExpressions;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Supervisor's <c>make_datetime</c>: <c>time.strptime(text, "%Y%m%dT%H:%M:%S")</c> then <c>datetime(...)</c>. The
/// pattern is strptime's own for those directives (one-digit fields allowed, case-insensitive), so what it refuses, and
/// Supervisor answers 400 for, is refused here too.
/// </summary>
internal static partial class XmlRpcDateTimeText
{
    public static bool IsValid(string? text)
    {
        if (text is null)
        {
            return false;
        }
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["Y"].ValueSpan);
        var month = int.Parse(match.Groups["m"].ValueSpan);
        var day = int.Parse(match.Groups["d"].ValueSpan);
        var second = int.Parse(match.Groups["S"].ValueSpan);
        return year >= 1 && second <= 59 && day <= DateTime.DaysInMonth(year, month);
    }

    [GeneratedRegex(
        @"\A(?<Y>\d\d\d\d)(?<m>1[0-2]|0[1-9]|[1-9])(?<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])T"
            + @"(?<H>2[0-3]|[0-1]\d|\d):(?<M>[0-5]\d|\d):(?<S>6[0-1]|[0-5]\d|\d)\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();
}
