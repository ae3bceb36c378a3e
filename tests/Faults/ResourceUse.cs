namespace Supervise.Faults;

/// <summary>One sample of a process's resident memory, open fds and threads, from /proc.</summary>
public sealed record ResourceUse(long RssKilobytes, int Fds, int Threads)
{
    public static ResourceUse Of(int pid)
    {
        long rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(
                    line["VmRSS:".Length..].Trim().Split(' ')[0],
                    System.Globalization.CultureInfo.InvariantCulture
                );
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(
                    line["Threads:".Length..].Trim(),
                    System.Globalization.CultureInfo.InvariantCulture
                );
            }
        }
        return new ResourceUse(rss, Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length, threads);
    }

    /// <summary>Zombie children of <paramref name="pid"/> (not reaped).</summary>
    public static int Zombies(int pid) =>
        Directory
            .EnumerateDirectories("/proc")
            .Count(d =>
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(d, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    return fields[0] == "Z"
                        && fields[1] == pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    return false;
                }
            });
}
