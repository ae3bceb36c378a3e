using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// Children die with the daemon, at no cost per spawn. One tiny watchdog (<c>/bin/sh</c> blocked in <c>cat</c> on a
/// pipe whose only write end the daemon holds, close-on-exec so that no program inherits it) runs in its own session
/// beside the daemon. However the daemon ends (SIGKILL, OOM, a crash), the kernel closes the write end; the watchdog
/// sees EOF, reads the survivor record (<see cref="SurvivorRecord"/>: pid and start time of every live child), and
/// sends each child still there, identified by the same start time, and its process group SIGKILL. After a clean
/// shutdown the record holds no live child and the watchdog just exits. PR_SET_PDEATHSIG (pdeathsig=) would need an
/// extra exec in every child (posix_spawn cannot call prctl), so it is opt-in; the watchdog is the default.
/// </summary>
internal sealed class CrashWatchdog : IDisposable
{
    // Field 22 of /proc/PID/stat is the start time; after "pid (comm) " is cut off it is the 20th field.
    private const string Script = """
        cat >/dev/null
        exec awk -v sig="$1" '
        $1 == "+" { live[$2] = $3; next }
        $1 == "-" { delete live[$2]; next }
        END {
          for (pid in live) {
            f = "/proc/" pid "/stat"
            if ((getline line < f) > 0) {
              close(f); sub(/.*\) /, "", line); split(line, a, " ")
              if (a[20] == live[pid]) system("kill -" sig " -" pid " " pid " 2>/dev/null")
            }
          }
        }' "$2"
        """;

    private readonly int _writeFd;

    private CrashWatchdog(int writeFd, string recordPath)
    {
        _writeFd = writeFd;
        RecordPath = recordPath;
    }

    public string RecordPath { get; }

    /// <returns>The watchdog, or null when it could not be started (no /bin/sh, no descriptors).</returns>
    public static CrashWatchdog? Start(string recordPath)
    {
        if (!File.Exists("/bin/sh") || Pipes.Create() is not { } pipe)
        {
            return null;
        }
        var pid = PosixSpawn.Spawn(
            "/bin/sh",
            ["supervise-watchdog", "-c", Script, "supervise-watchdog", "KILL", recordPath],
            ["PATH=/usr/bin:/bin"],
            "/",
            pipe.Read,
            2,
            2,
            newSession: true
        );
        Pipes.Close(pipe.Read);
        if (pid < 0)
        {
            Pipes.Close(pipe.Write);
            return null;
        }
        return new CrashWatchdog(pipe.Write, recordPath);
    }

    /// <summary>Closing the pipe is the watchdog's signal; the record is then empty of live children.</summary>
    public void Dispose() => Pipes.Close(_writeFd);
}
