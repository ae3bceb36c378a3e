using System.Runtime.InteropServices;

namespace Supervise.Supervisord.Platform;

/// <summary>
/// supervisord as pid 1 (a container's entrypoint). Every orphan in the namespace becomes pid 1's child, and the .NET
/// runtime, once it handles SIGCHLD as pid 1, reaps children with waitpid(-1), which would steal our programs' exit
/// statuses (measured: "exit status 0" reported for programs that exited 3). So pid 1 stays a tiny init, in the way of
/// tini: it starts the real daemon as its only child, forwards the daemon's signals to it, reaps every orphan, and
/// exits with the daemon's status. The daemon itself is then an ordinary process that waits only on its own pids.
/// </summary>
internal static class ContainerInit
{
    private const string Marker = "SUPERVISE_CONTAINER_INIT";

    public static bool ShouldRun => Libc.getpid() == 1 && Environment.GetEnvironmentVariable(Marker) is null;

    /// <summary>In the daemon started by the init: forget the marker so that programs do not inherit it.</summary>
    public static void ForgetMarker() => Environment.SetEnvironmentVariable(Marker, null);

    public static int Run(string[] args)
    {
        var self = Environment.ProcessPath ?? "/proc/self/exe";
        var environment = Envp.Current().Append($"{Marker}=1").ToArray();
        var daemon = PosixSpawn.Spawn(self, [self, .. args], environment, null, 0, 1, 2);
        if (daemon < 0)
        {
            Console.Error.WriteLine(
                $"Error: could not start supervisord under the container init: {Errno.Name(-daemon)}"
            );
            return 2;
        }

        var forwarded = new[]
        {
            SignalTable.SIGTERM,
            SignalTable.SIGINT,
            SignalTable.SIGQUIT,
            SignalTable.SIGHUP,
            SignalTable.SIGUSR2,
            SignalTable.SIGUSR1,
        };
        var registrations = forwarded
            .Select(signal =>
                PosixSignalRegistration.Create(
                    SignalTable.ToPosixSignal(signal),
                    context =>
                    {
                        context.Cancel = true;
                        Libc.kill(daemon, signal);
                    }
                )
            )
            .ToList();
        try
        {
            while (true)
            {
                // The one place that waits for any child: this process has no children but the daemon and orphans.
                var pid = Libc.waitpid(-1, out var status, 0);
                if (pid == daemon)
                {
                    // The shell's convention: the exit code, or 128 + the signal that killed the daemon.
                    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
                }
                if (pid < 0 && Errno.Last != Errno.EINTR)
                {
                    return 2;
                }
            }
        }
        finally
        {
            registrations.ForEach(r => r.Dispose());
        }
    }
}
