namespace Supervise.Supervisord.Platform;

/// <summary>
/// Reads a small /proc file (a pid's stat) with open/read/close into the caller's buffer, so that a scrape of a
/// thousand processes allocates no handle or string per process. /proc files are generated on read and never block.
/// </summary>
public static unsafe class ProcFile
{
    /// <param name="path">The path as NUL-terminated UTF-8.</param>
    /// <returns>The bytes read, or -1 when the file cannot be opened (the process is gone).</returns>
    public static int Read(ReadOnlySpan<byte> path, Span<byte> into)
    {
        int fd;
        fixed (byte* p = path)
        {
            fd = Libc.open(p, Libc.O_CLOEXEC, 0);
        }
        if (fd < 0)
        {
            return -1;
        }
        try
        {
            var total = 0;
            fixed (byte* buffer = into)
            {
                while (total < into.Length)
                {
                    var read = (int)Libc.read(fd, buffer + total, into.Length - total);
                    if (read <= 0)
                    {
                        break;
                    }
                    total += read;
                }
            }
            return total;
        }
        finally
        {
            Libc.close(fd);
        }
    }
}
