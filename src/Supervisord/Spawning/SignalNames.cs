namespace Supervise.Supervisord.Spawning;

/// <summary>Linux signal numbers and their names, as Supervisor prints them ("SIGTERM") and accepts them
/// ("TERM", "sigterm", "15").</summary>
public static class SignalNames
{
    private static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
        "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
    ];

    /// <summary>"SIGTERM" for 15; "signal 40" for numbers without a name.</summary>
    public static string Name(int signal) =>
        signal > 0 && signal < Names.Length ? "SIG" + Names[signal] : $"signal {signal}";

    /// <summary>Parses a name with or without SIG, in any case, or a number; null when it is neither.</summary>
    public static int? Parse(string text)
    {
        var value = text.Trim();
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number > 0 && number < 65 ? number : null;
        }
        var upper = value.ToUpperInvariant();
        if (upper.StartsWith("SIG", StringComparison.Ordinal))
        {
            upper = upper[3..];
        }
        var index = Array.IndexOf(Names, upper);
        if (index > 0)
        {
            return index;
        }
        return upper switch
        {
            "IOT" => 6,
            "CLD" => 17,
            "IO" => 29,
            _ => null,
        };
    }
}
