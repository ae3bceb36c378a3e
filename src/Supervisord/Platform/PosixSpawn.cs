using System.Runtime.InteropServices;

namespace Supervise.Supervisord.Platform;

/// <summary>
/// posix_spawn (vfork-based in glibc, about 0.15 ms) with the child as leader of its own process group (Supervisor's
/// setpgrp()), an empty signal mask, default dispositions for every signal except SIGPIPE and SIGXFSZ (which stay
/// ignored, as under Supervisor), fds 0-2 from the given pipe ends, everything from fd 3 up closed, and an optional chdir.
/// Never fork() from managed code: see reference/dotnet-on-linux.md §1.3.
/// </summary>
internal static unsafe class PosixSpawn
{
    /// <returns>The child's pid, or the negated errno when the spawn failed.</returns>
    public static int Spawn(
        string path,
        IReadOnlyList<string> argv,
        IReadOnlyList<string> envp,
        string? directory,
        int stdinFd,
        int stdoutFd,
        int stderrFd,
        bool newSession = false
    )
    {
        var attr = NativeMemory.AllocZeroed(1024);
        var actions = NativeMemory.AllocZeroed(1024);
        var mask = NativeMemory.AllocZeroed(128);
        var defaults = NativeMemory.AllocZeroed(128);
        using var strings = new NativeStrings();
        try
        {
            Libc.posix_spawnattr_init(attr);
            Libc.posix_spawn_file_actions_init(actions);
            Libc.sigemptyset(mask);
            Libc.sigemptyset(defaults);
            for (var signal = 1; signal < SignalTable.Count; signal++)
            {
                // SIGKILL and SIGSTOP cannot be caught or ignored; sigaction refuses them.
                if (
                    signal
                    is not (SignalTable.SIGPIPE or SignalTable.SIGXFSZ or SignalTable.SIGKILL or SignalTable.SIGSTOP)
                )
                {
                    Libc.sigaddset(defaults, signal);
                }
            }
            Libc.posix_spawnattr_setsigmask(attr, mask);
            Libc.posix_spawnattr_setsigdefault(attr, defaults);
            Libc.posix_spawnattr_setpgroup(attr, 0);
            // A daemonizing supervisord starts itself again in a new session instead of forking (fork is unsafe in .NET).
            var group = newSession ? Libc.POSIX_SPAWN_SETSID : Libc.POSIX_SPAWN_SETPGROUP;
            Libc.posix_spawnattr_setflags(
                attr,
                (short)(group | Libc.POSIX_SPAWN_SETSIGDEF | Libc.POSIX_SPAWN_SETSIGMASK)
            );

            Libc.posix_spawn_file_actions_adddup2(actions, stdinFd, 0);
            Libc.posix_spawn_file_actions_adddup2(actions, stdoutFd, 1);
            Libc.posix_spawn_file_actions_adddup2(actions, stderrFd, 2);
            Libc.posix_spawn_file_actions_addclosefrom_np(actions, 3);
            if (directory is not null)
            {
                Libc.posix_spawn_file_actions_addchdir_np(actions, strings.String(directory));
            }

            var error = Libc.posix_spawn(
                out var pid,
                strings.String(path),
                actions,
                attr,
                strings.Array(argv),
                strings.Array(envp)
            );
            return error == 0 ? pid : -error;
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attr);
            NativeMemory.Free(attr);
            NativeMemory.Free(actions);
            NativeMemory.Free(mask);
            NativeMemory.Free(defaults);
        }
    }
}
