namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Supervisor's signal_number: a number or a name (with or without SIG, any case), checked against every SIG*
/// attribute of Python's signal module on Linux, which includes the SIG_DFL/SIG_IGN/SIG_BLOCK... constants (0-2).
/// </summary>
internal static class Signals
{
    private static readonly Dictionary<string, int> ByName = new(StringComparer.Ordinal)
    {
        ["SIGABRT"] = 6, ["SIGALRM"] = 14, ["SIGBUS"] = 7, ["SIGCHLD"] = 17, ["SIGCLD"] = 17, ["SIGCONT"] = 18,
        ["SIGFPE"] = 8, ["SIGHUP"] = 1, ["SIGILL"] = 4, ["SIGINT"] = 2, ["SIGIO"] = 29, ["SIGIOT"] = 6,
        ["SIGKILL"] = 9, ["SIGPIPE"] = 13, ["SIGPOLL"] = 29, ["SIGPROF"] = 27, ["SIGPWR"] = 30, ["SIGQUIT"] = 3,
        ["SIGRTMAX"] = 64, ["SIGRTMIN"] = 34, ["SIGSEGV"] = 11, ["SIGSTKFLT"] = 16, ["SIGSTOP"] = 19,
        ["SIGSYS"] = 31, ["SIGTERM"] = 15, ["SIGTRAP"] = 5, ["SIGTSTP"] = 20, ["SIGTTIN"] = 21, ["SIGTTOU"] = 22,
        ["SIGURG"] = 23, ["SIGUSR1"] = 10, ["SIGUSR2"] = 12, ["SIGVTALRM"] = 26, ["SIGWINCH"] = 28,
        ["SIGXCPU"] = 24, ["SIGXFSZ"] = 25, ["SIG_BLOCK"] = 0, ["SIG_DFL"] = 0, ["SIG_IGN"] = 1,
        ["SIG_SETMASK"] = 2, ["SIG_UNBLOCK"] = 1,
    };

    private static readonly HashSet<int> Numbers = [.. ByName.Values];

    public static Parsed<int> Parse(string text)
    {
        int number;
        if (PyInt.TryParse(text, 10, out var parsed))
        {
            number = parsed is >= int.MinValue and <= int.MaxValue ? (int)parsed : -1;
        }
        else
        {
            var name = Supervise.Ini.PythonText.Strip(text).ToUpperInvariant();
            if (!name.StartsWith("SIG", StringComparison.Ordinal))
            {
                name = "SIG" + name;
            }
            if (!ByName.TryGetValue(name, out number))
            {
                return Parsed<int>.Fail($"value {PyRepr.Of(text)} is not a valid signal name");
            }
        }
        return Numbers.Contains(number) ? number : Parsed<int>.Fail($"value {PyRepr.Of(text)} is not a valid signal number");
    }

    /// <summary>The conventional name of a signal number, for reports.</summary>
    public static string NameOf(int number) =>
        ByName.Where(p => p.Value == number && !p.Key.StartsWith("SIG_", StringComparison.Ordinal))
            .Select(p => p.Key[3..]).Order(StringComparer.Ordinal).FirstOrDefault() ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
