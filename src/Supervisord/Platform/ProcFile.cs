namespace Supervise.Supervisord.Platform;

/// <summary>
/// Reads a small /proc file (a pid's stat) with open/read/close into the caller's buffer, so that a scrape of a
/// thousand processes allocates no handle or string per process. /proc files are generated on read and never block.
/// </summary>
public static unsafe class ProcFile
{
    /// <summary>
    /// Counts the entries of a directory (less . and ..) with getdents64(2), touching no entry: .NET's enumeration
    /// stats and lstats every entry, which is two syscalls per open descriptor when the directory is /proc/self/fd.
    /// </summary>
    /// <param name="path">The path as NUL-terminated UTF-8.</param>
    /// <returns>The count, or -1 when the directory cannot be read.</returns>
    public static int CountEntries(ReadOnlySpan<byte> path)
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
            var count = 0;
            var buffer = stackalloc byte[8192];
            nint read;
            while ((read = Libc.getdents64(fd, buffer, 8192)) > 0)
            {
                // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
                for (nint offset = 0; offset < read; offset += *(ushort*)(buffer + offset + 16))
                {
                    var name = buffer + offset + 19;
                    var dot = name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
                    count += dot ? 0 : 1;
                }
            }
            return read < 0 ? -1 : count;
        }
        finally
        {
            Libc.close(fd);
        }
    }

    /// <summary>
    /// The size stat(2) gives a path. For a /proc/PID/fd directory, Linux 6.2 and later give the number of open
    /// descriptors (one bitmap count in the kernel, no dentry per descriptor); older kernels give 0.
    /// </summary>
    /// <param name="path">The path as NUL-terminated UTF-8.</param>
    /// <returns>The size, or -1 when the path cannot be stat'ed.</returns>
    public static long SizeOf(ReadOnlySpan<byte> path)
    {
        var buffer = stackalloc byte[256];
        fixed (byte* p = path)
        {
            if (Libc.statx(Libc.AT_FDCWD, p, 0, Libc.STATX_SIZE, buffer) != 0)
            {
                return -1;
            }
        }
        return *(long*)(buffer + 40);
    }

    /// <summary>Opens a /proc file read-only (close-on-exec) to be read again with <see cref="ReadAt"/>.</summary>
    /// <param name="path">The path as NUL-terminated UTF-8.</param>
    /// <returns>The descriptor, or -1 when the file cannot be opened (the process is gone).</returns>
    public static int Open(ReadOnlySpan<byte> path)
    {
        fixed (byte* p = path)
        {
            return Libc.open(p, Libc.O_CLOEXEC, 0);
        }
    }

    /// <summary>
    /// Reads an open /proc file from its start with one pread(2): the kernel generates the text afresh at offset 0.
    /// A /proc/PID file opened while the process lived fails (ESRCH) once it is reaped, even if its pid is reused.
    /// </summary>
    /// <returns>The bytes read, or -1 when the read fails.</returns>
    public static int ReadAt(int fd, Span<byte> into)
    {
        fixed (byte* buffer = into)
        {
            return (int)Libc.pread(fd, buffer, into.Length, 0);
        }
    }

    public static void Close(int fd) => Libc.close(fd);

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
