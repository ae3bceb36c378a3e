namespace Supervise.Supervisord.Platform;

/// <summary>
/// waitpid(2) on one pid, never on -1 (that would steal the statuses of children the runtime started), and
/// pidfd_open(2), which makes a child's exit readable in an epoll set. Statuses are raw; WaitStatus decodes them.
/// </summary>
internal static class ChildWait
{
    private const long SysPidfdOpen = 434;
    private const int WNOHANG = 1;

    public enum Outcome
    {
        /// <summary>The child ended; the status is valid.</summary>
        Exited,

        /// <summary>The child is still running (WNOHANG found nothing).</summary>
        Running,

        /// <summary>No status to collect (ECHILD: not our child, or already reaped elsewhere).</summary>
        Lost,
    }

    /// <returns>A pidfd for <paramref name="pid"/>, or -1 when the kernel has none (Linux &lt; 5.3) or the pid is gone.</returns>
    public static int OpenPidFd(int pid)
    {
        var fd = (int)Libc.syscall(SysPidfdOpen, pid, 0);
        return fd < 0 ? -1 : fd;
    }

    /// <summary>Collects the status if the child has ended, without waiting.</summary>
    public static (Outcome Outcome, int Status) Poll(int pid)
    {
        while (true)
        {
            var result = Libc.waitpid(pid, out var status, WNOHANG);
            if (result == pid)
            {
                return (Outcome.Exited, status);
            }
            if (result == 0)
            {
                return (Outcome.Running, 0);
            }
            if (Errno.Last != Errno.EINTR)
            {
                return (Outcome.Lost, 0);
            }
        }
    }

    /// <summary>Waits until the child ends (retrying after signals), or reports that there is nothing to wait for.</summary>
    public static (Outcome Outcome, int Status) Block(int pid)
    {
        while (true)
        {
            var result = Libc.waitpid(pid, out var status, 0);
            if (result == pid)
            {
                return (Outcome.Exited, status);
            }
            if (result < 0 && Errno.Last != Errno.EINTR)
            {
                return (Outcome.Lost, 0);
            }
        }
    }
}
