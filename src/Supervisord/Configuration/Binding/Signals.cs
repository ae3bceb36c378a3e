using Supervise.Python;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Supervisor's signal_number: a number or a name (with or without SIG, any case), checked against every SIG*
/// attribute of Python's signal module on Linux: the signals of <see cref="SignalTable"/>, and also the
/// SIG_DFL/SIG_IGN/SIG_BLOCK... constants (0-2), which Python's check lets through.
/// </summary>
internal static class Signals
{
    private static readonly Dictionary<string, int> PythonConstants = new(StringComparer.Ordinal)
    {
        ["SIG_BLOCK"] = 0,
        ["SIG_DFL"] = 0,
        ["SIG_IGN"] = 1,
        ["SIG_SETMASK"] = 2,
        ["SIG_UNBLOCK"] = 1,
    };

    private static readonly HashSet<int> Numbers =
    [
        .. SignalTable.All.Select(s => s.Number),
        .. PythonConstants.Values,
    ];

    public static Parsed<int> Parse(string text)
    {
        int number;
        if (PyInt.TryParse(text, 10, out var parsed))
        {
            number = parsed is >= int.MinValue and <= int.MaxValue ? (int)parsed : -1;
        }
        else
        {
            var name = PyText.Strip(text).ToUpperInvariant();
            if (!name.StartsWith("SIG", StringComparison.Ordinal))
            {
                name = "SIG" + name;
            }
            if (!SignalTable.TryNumber(name, out number) && !PythonConstants.TryGetValue(name, out number))
            {
                return Parsed<int>.Fail($"value {Echo.Repr(text)} is not a valid signal name");
            }
        }
        return Numbers.Contains(number)
            ? number
            : Parsed<int>.Fail($"value {Echo.Repr(text)} is not a valid signal number");
    }
}
