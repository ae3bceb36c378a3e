using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Metrics;

/// <summary>Counts the daemon's open descriptors from /proc/self/fd, with one getdents64 pass and no per-entry syscall.</summary>
public static class OpenFds
{
    public static int Count()
    {
        var entries = ProcFile.CountEntries("/proc/self/fd\0"u8);
        // The descriptor the count was read through was open while it counted.
        return Math.Max(0, entries - 1);
    }
}
