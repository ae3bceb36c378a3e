namespace Supervise.Supervisord.Platform;

/// <summary>
/// prctl(2) settings that tie children to the daemon. PR_SET_CHILD_SUBREAPER makes the daemon the new parent of any
/// orphaned descendant (a daemonizing grandchild), instead of init, so that it can still be found and stopped.
/// PR_SET_PDEATHSIG asks the kernel to signal a process when the *thread* that forked it dies; it is cleared by fork,
/// by a credential change (setuid) and by exec of a set-id file, so it must be set in the child after its setuid.
/// See prctl(2) and issue 14.
/// </summary>
public static class ParentDeath
{
    /// <returns>null, or the errno name when the kernel refused (Linux before 3.4).</returns>
    public static string? BecomeSubreaper() =>
        Libc.prctl(Libc.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 ? null : Errno.Name(Errno.Last);

    public static void StopBeingSubreaper() => Libc.prctl(Libc.PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);

    /// <summary>The current process's parent-death signal (0 for none).</summary>
    public static unsafe int Current()
    {
        var signal = 0;
        return Libc.prctl(Libc.PR_GET_PDEATHSIG, (nint)(&signal), 0, 0, 0) == 0 ? signal : 0;
    }

    /// <summary>Sets the parent-death signal of this process; the exec helper re-arms it after setuid.</summary>
    public static bool Arm(int signal) => Libc.prctl(Libc.PR_SET_PDEATHSIG, signal, 0, 0, 0) == 0;

    public static int ParentPid => Libc.getppid();
}
