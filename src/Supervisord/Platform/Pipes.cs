namespace Supervise.Supervisord.Platform;

/// <summary>pipe2(O_CLOEXEC) pairs and fd housekeeping.</summary>
internal static unsafe class Pipes
{
    /// <returns>(read end, write end), or null when the system is out of descriptors.</returns>
    public static (int Read, int Write)? Create()
    {
        var fds = stackalloc int[2];
        if (Libc.pipe2(fds, Libc.O_CLOEXEC) != 0)
        {
            return null;
        }
        return (fds[0], fds[1]);
    }

    /// <summary>Sets a pipe's capacity (so that a flooding child blocks less often); false when the kernel refused.</summary>
    public static bool TryGrow(int fd, int bytes) => Libc.fcntl(fd, Libc.F_SETPIPE_SZ, bytes) >= 0;

    /// <summary>Makes reads return EAGAIN instead of waiting when the pipe is empty.</summary>
    public static void SetNonBlocking(int fd) =>
        Libc.fcntl(fd, Libc.F_SETFL, Libc.fcntl(fd, Libc.F_GETFL, 0) | Libc.O_NONBLOCK);

    public static void Close(int fd)
    {
        if (fd >= 0)
        {
            Libc.close(fd);
        }
    }

    /// <summary>One read(2) from a non-blocking pipe.</summary>
    /// <returns>The bytes read, 0 at end of file (or an error that ends the stream: EIO, EBADF), -1 when none wait yet.</returns>
    public static int Read(int fd, Span<byte> buffer)
    {
        nint read;
        fixed (byte* pointer = buffer)
        {
            read = Libc.read(fd, pointer, buffer.Length);
        }
        if (read >= 0)
        {
            return (int)read;
        }
        return Errno.Last is Errno.EAGAIN or Errno.EINTR ? -1 : 0;
    }
}
