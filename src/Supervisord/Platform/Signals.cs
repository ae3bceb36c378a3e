namespace Supervise.Supervisord.Platform;

/// <summary>
/// kill(2) and pidfd_send_signal(2) with errno mapped: ESRCH means the process is already gone, which is not an error
/// here.
/// </summary>
internal static class Signals
{
    private const long SysPidfdSendSignal = 424;

    public enum Outcome
    {
        Sent,
        AlreadyGone,
        Failed,
    }

    /// <param name="toGroup">Signal the whole process group (kill(-pid)), for stopasgroup/killasgroup.</param>
    public static (Outcome Outcome, int Errno) Send(int pid, int signal, bool toGroup)
    {
        if (pid <= 0)
        {
            return (Outcome.AlreadyGone, Errno.ESRCH);
        }
        if (Libc.kill(toGroup ? -pid : pid, signal) == 0)
        {
            return (Outcome.Sent, 0);
        }
        var errno = Errno.Last;
        return errno == Errno.ESRCH ? (Outcome.AlreadyGone, errno) : (Outcome.Failed, errno);
    }

    /// <summary>
    /// Signals the process a pidfd refers to: unlike a pid, a pidfd cannot come to mean another process once its
    /// child is reaped (the call then fails with ESRCH).
    /// </summary>
    public static (Outcome Outcome, int Errno) SendToPidFd(int pidFd, int signal)
    {
        if (Libc.syscall(SysPidfdSendSignal, pidFd, signal, 0, 0u) == 0)
        {
            return (Outcome.Sent, 0);
        }
        var errno = Errno.Last;
        return errno == Errno.ESRCH ? (Outcome.AlreadyGone, errno) : (Outcome.Failed, errno);
    }

    public static bool IsAlive(int pid) => pid > 0 && (Libc.kill(pid, 0) == 0 || Errno.Last != Errno.ESRCH);

    /// <summary>Restores SIGCHLD's default disposition: an inherited SIG_IGN would make the kernel discard exit statuses.</summary>
    public static void ResetChildSignal() => Libc.signal(SignalTable.SIGCHLD, 0);
}
