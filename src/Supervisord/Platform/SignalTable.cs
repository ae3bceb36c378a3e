using System.Runtime.InteropServices;

namespace Supervise.Supervisord.Platform;

/// <summary>
/// Linux signal numbers and names, the one table for all of them: kill() and posix_spawn take the numbers, exit
/// descriptions print the names as Supervisor does ("terminated by SIGTERM"), and the config's signal_number looks
/// names up here, aliases included (SIGCLD, SIGIO, SIGIOT and the real-time bounds, as Python's signal module has them).
/// </summary>
public static class SignalTable
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGKILL = 9;
    public const int SIGUSR1 = 10;
    public const int SIGUSR2 = 12;
    public const int SIGPIPE = 13;
    public const int SIGTERM = 15;
    public const int SIGCHLD = 17;
    public const int SIGSTOP = 19;
    public const int SIGXFSZ = 25;

    /// <summary>The classic signals 1-31 have one printed name each; the real-time signals print as "signal N".</summary>
    public const int Count = 32;

    private static readonly string[] Primary =
    [
        "",
        "HUP",
        "INT",
        "QUIT",
        "ILL",
        "TRAP",
        "ABRT",
        "BUS",
        "FPE",
        "KILL",
        "USR1",
        "SEGV",
        "USR2",
        "PIPE",
        "ALRM",
        "TERM",
        "STKFLT",
        "CHLD",
        "CONT",
        "STOP",
        "TSTP",
        "TTIN",
        "TTOU",
        "URG",
        "XCPU",
        "XFSZ",
        "VTALRM",
        "PROF",
        "WINCH",
        "POLL",
        "PWR",
        "SYS",
    ];

    private static readonly Dictionary<string, int> Aliases = new(StringComparer.Ordinal)
    {
        ["SIGCLD"] = 17,
        ["SIGIO"] = 29,
        ["SIGIOT"] = 6,
        ["SIGRTMIN"] = 34,
        ["SIGRTMAX"] = 64,
    };

    /// <summary>Every name with its number: the primary names, then the aliases.</summary>
    public static IEnumerable<(string Name, int Number)> All =>
        Enumerable
            .Range(1, Count - 1)
            .Select(n => ("SIG" + Primary[n], n))
            .Concat(Aliases.Select(a => (a.Key, a.Value)));

    /// <summary>"SIGTERM" for 15; "signal 40" for numbers without a name.</summary>
    public static string Name(int signal) =>
        signal > 0 && signal < Count ? "SIG" + Primary[signal] : $"signal {signal}";

    /// <summary>The number of an upper-case name with its SIG prefix ("SIGTERM", "SIGCLD").</summary>
    public static bool TryNumber(string name, out int number)
    {
        if (Aliases.TryGetValue(name, out number))
        {
            return true;
        }
        var index = name.StartsWith("SIG", StringComparison.Ordinal) ? Array.IndexOf(Primary, name[3..], 1) : -1;
        number = Math.Max(0, index);
        return index > 0;
    }

    /// <summary>
    /// The value PosixSignalRegistration wants: .NET's own member where it has one (the runtime then cancels its
    /// default handling, as for SIGTERM), else the raw number cast, which the runtime accepts on Linux.
    /// </summary>
    public static PosixSignal ToPosixSignal(int signal) =>
        signal switch
        {
            SIGHUP => PosixSignal.SIGHUP,
            SIGINT => PosixSignal.SIGINT,
            SIGQUIT => PosixSignal.SIGQUIT,
            SIGTERM => PosixSignal.SIGTERM,
            SIGCHLD => PosixSignal.SIGCHLD,
            _ => (PosixSignal)signal,
        };
}
