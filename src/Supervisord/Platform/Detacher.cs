namespace Supervise.Supervisord.Platform;

/// <summary>
/// nodaemon=false: Supervisor forks once and the child calls setsid(); a .NET process cannot fork safely, so the daemon
/// starts itself again in a new session with stdio on /dev/null, and the original process exits 0.
/// </summary>
internal static unsafe class Detacher
{
    /// <returns>The detached daemon's pid, or the negated errno.</returns>
    public static int Start(IReadOnlyList<string> argv)
    {
        var self =
            Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the daemon's own executable");
        using var strings = new NativeStrings();
        var devNull = Libc.open(strings.String("/dev/null"), Libc.O_RDWR | Libc.O_CLOEXEC, 0);
        try
        {
            return PosixSpawn.Spawn(self, argv, Envp.Current(), null, devNull, devNull, devNull, newSession: true);
        }
        finally
        {
            Libc.close(devNull);
        }
    }
}
