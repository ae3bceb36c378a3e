using System.Text;

namespace Supervise.Supervisord.Platform;

/// <summary>
/// The process table from /proc: pid and parent pid of every process, and whether a process's environment carries a
/// program's SUPERVISOR_PROCESS_NAME / SUPERVISOR_GROUP_NAME. This kernel has no /proc/PID/task/TID/children
/// (CONFIG_PROC_CHILDREN is optional), so descendants are found by a scan of /proc/*/stat. A process may end at any
/// point of the scan: every read that fails just leaves it out.
/// </summary>
public static class ProcTable
{
    public readonly record struct Entry(int Pid, int ParentPid, int Group);

    public static List<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir.AsSpan());
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || !int.TryParse(name, out var pid))
            {
                continue;
            }
            if (Stat(pid) is { } stat)
            {
                entries.Add(new Entry(pid, stat.ParentPid, stat.Group));
            }
        }
        return entries;
    }

    /// <summary>The ppid and pgrp fields of /proc/PID/stat (after the comm in parentheses, which may itself hold spaces and parentheses).</summary>
    public static (int ParentPid, int Group)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            return fields.Length > 2 && int.TryParse(fields[1], out var ppid) && int.TryParse(fields[2], out var group)
                ? (ppid, group)
                : null;
        }
        catch (Exception exception)
            when (exception is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Whether the environment of <paramref name="pid"/> holds every one of <paramref name="entries"/> ("NAME=value").</summary>
    public static bool EnvironmentHas(int pid, IReadOnlyList<string> entries)
    {
        byte[] environ;
        try
        {
            environ = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var found = 0;
        foreach (var range in environ.AsSpan().Split((byte)0))
        {
            var variable = environ.AsSpan(range);
            foreach (var entry in entries)
            {
                if (variable.Length == Encoding.UTF8.GetByteCount(entry) && Encoding.UTF8.GetString(variable) == entry)
                {
                    found++;
                }
            }
        }
        return found >= entries.Count;
    }
}
