namespace Supervise.Supervisord.Spawning;

/// <summary>Linux signal names as Supervisor prints them ("SIGTERM"); parsing is the config's signal_number.</summary>
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
}
