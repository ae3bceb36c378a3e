using System.Text;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// The AF_UNIX limit, checked at load time: sockaddr_un.sun_path is 108 bytes on Linux, the closing NUL included, so
/// a socket path has at most 107 bytes of UTF-8 (unix(7)). Supervisor finds out only at bind time and exits with
/// "socket.error reported AF_UNIX path too long"; .NET throws ArgumentOutOfRangeException from UnixDomainSocketEndPoint.
/// </summary>
internal static class SocketPath
{
    public const int MaxBytes = 107;

    /// <returns>Why the path cannot be bound, or null when it fits.</returns>
    public static string? Problem(string path)
    {
        var bytes = Encoding.UTF8.GetByteCount(path);
        return bytes <= MaxBytes
            ? null
            : $"AF_UNIX path too long: {Echo.Repr(path)} is {bytes} bytes, and a socket path can have at most {MaxBytes} "
                + "(sun_path holds 108 with the closing NUL); choose a shorter path";
    }
}
