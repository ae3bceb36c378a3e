using System.Runtime.InteropServices;

namespace Supervise.Integration.Tests.Infrastructure;

/// <summary>Signals and process lookups for the specs.</summary>
public static partial class Native
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    public static void Kill(int pid, int signal) => kill(pid, signal);

    public static bool IsAlive(int pid) => kill(pid, 0) == 0 && !IsZombie(pid);

    /// <summary>Live processes whose command line contains <paramref name="marker"/> (what pgrep -f counts).</summary>
    public static IReadOnlyList<int> Matching(string marker)
    {
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal) && !IsZombie(pid))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException) { }
        }
        return pids;
    }

    public static void KillMatching(string marker)
    {
        foreach (var pid in Matching(marker))
        {
            kill(pid, 9);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
