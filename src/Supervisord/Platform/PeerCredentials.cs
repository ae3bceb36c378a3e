using System.Net.Sockets;

namespace Supervise.Supervisord.Platform;

/// <summary>SO_PEERCRED on a connected Unix socket: the uid of the process at the other end, as the kernel saw it at connect.</summary>
public static class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>struct ucred is { pid_t pid; uid_t uid; gid_t gid; }: the uid is the second 32-bit field.</summary>
    public static uint Uid(Socket socket)
    {
        Span<byte> peer = stackalloc byte[12];
        socket.GetRawSocketOption(SolSocket, SoPeerCred, peer);
        return BitConverter.ToUInt32(peer[4..]);
    }
}
