namespace Supervise.Supervisord.Spawning;

/// <summary>A decoded waitpid status: either an exit code or the signal that killed the process.</summary>
public readonly record struct WaitStatus(int Raw)
{
    public bool Exited => (Raw & 0x7f) == 0;

    public int ExitCode => (Raw >> 8) & 0xff;

    public int TermSignal => Raw & 0x7f;

    public bool CoreDumped => (Raw & 0x80) != 0;

    /// <summary>Supervisor's exit status: the exit code, or -1 for a signal death (never "expected").</summary>
    public int SupervisorExitStatus => Exited ? ExitCode : -1;

    /// <summary>Supervisor's wording: "exit status 1" or "terminated by SIGTERM" (with " (core dumped)").</summary>
    public string Describe() => Exited
        ? $"exit status {ExitCode}"
        : $"terminated by {SignalNames.Name(TermSignal)}" + (CoreDumped ? " (core dumped)" : "");

    public static WaitStatus FromExitCode(int code) => new((code & 0xff) << 8);

    public static WaitStatus FromSignal(int signal) => new(signal & 0x7f);
}
