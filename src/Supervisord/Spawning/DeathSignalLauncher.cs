using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// Gives a child a parent-death signal. posix_spawn cannot run code in the child, and fork() is unsafe from managed
/// code, so the child is started through util-linux's setpriv (<c>setpriv --pdeathsig SIG -- FILE ARGV...</c>), a
/// small C program that calls prctl(PR_SET_PDEATHSIG) and execs the program under the same pid (see BENCHMARKS.md for
/// what it costs a spawn). The signal fires when the spawning thread dies, which is why spawns run on the
/// spawner's long-lived threads. The exec helper re-arms it after its setuid, which clears it.
/// Without setpriv the children simply do not get the signal; the survivor record remains the second line of defence.
/// </summary>
public static class DeathSignalLauncher
{
    private static readonly string? Setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);

    public static bool Available => Setpriv is not null;

    /// <summary>The launch through setpriv, or the direct one when <paramref name="signal"/> is 0 or setpriv is missing.</summary>
    public static (string File, IReadOnlyList<string> Argv) Wrap(string file, IReadOnlyList<string> argv, int signal)
    {
        if (signal == 0 || Setpriv is null)
        {
            return (file, argv);
        }
        // setpriv execs FILE with FILE as argv[0]: the program sees its resolved path there, as after a PATH lookup by a shell.
        var wrapped = new List<string>(argv.Count + 4)
        {
            "setpriv",
            "--pdeathsig",
            SignalTable.Name(signal),
            "--",
            file,
        };
        wrapped.AddRange(argv.Skip(1));
        return (Setpriv, wrapped);
    }
}
