using System.IO.Enumeration;

namespace Supervise.Supervisord.Metrics;

/// <summary>Counts the daemon's open descriptors from /proc/self/fd without making a string per entry.</summary>
public static class OpenFds
{
    public static int Count()
    {
        try
        {
            var count = 0;
            var entries = new FileSystemEnumerable<bool>("/proc/self/fd", static (ref FileSystemEntry _) => true);
            foreach (var _ in entries)
            {
                count++;
            }
            // The enumeration's own descriptor was open while it counted.
            return Math.Max(0, count - 1);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
