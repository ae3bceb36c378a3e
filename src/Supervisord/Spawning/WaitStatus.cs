namespace Supervise.Supervisord.Spawning;

/// <summary>
/// A decoded waitpid status: an exit code, the signal that killed the process, or <see cref="Unknown"/> when the
/// status could not be collected (waitpid said ECHILD). An unknown status is never an expected exit: claiming
/// "exit status 0" would let an exitcodes=0 program pass as a clean exit.
/// </summary>
public readonly record struct WaitStatus(int Raw)
{
    /// <summary>No status was collected; -1 is not a status waitpid returns for a terminated child.</summary>
    public static readonly WaitStatus Unknown = new(-1);

    public bool Exited => (Raw & 0x7f) == 0;

    /// <summary>Killed by a signal (WIFSIGNALED): the low bits hold a signal, neither 0 (exited) nor 0x7f (stopped).</summary>
    public bool Signaled => (Raw & 0x7f) is not (0 or 0x7f);

    public bool IsUnknown => !Exited && !Signaled;

    public int ExitCode => (Raw >> 8) & 0xff;

    public int TermSignal => Raw & 0x7f;

    public bool CoreDumped => Signaled && (Raw & 0x80) != 0;

    /// <summary>Supervisor's exit status: the exit code, or -1 for a signal death or an unknown status (never "expected").</summary>
    public int SupervisorExitStatus => Exited ? ExitCode : -1;

    /// <summary>Whether this is an expected exit for <c>exitcodes=</c>: only an exit whose code is listed.</summary>
    public bool IsExpected(IEnumerable<int> exitCodes) => Exited && exitCodes.Contains(ExitCode);

    /// <summary>Supervisor's wording: "exit status 1" or "terminated by SIGTERM" (with " (core dumped)"), else "exit status unknown".</summary>
    public string Describe() =>
        Exited ? $"exit status {ExitCode}"
        : Signaled ? $"terminated by {Platform.SignalTable.Name(TermSignal)}" + (CoreDumped ? " (core dumped)" : "")
        : "exit status unknown";

    public static WaitStatus FromExitCode(int code) => new((code & 0xff) << 8);

    public static WaitStatus FromSignal(int signal) => new(signal & 0x7f);
}
