using System.Net.Sockets;

namespace Supervise.Protocol;

/// <summary>HTTP handlers that reach supervisord's control service: its Unix socket (HTTP/2 without TLS) or TCP.</summary>
public static class ControlTransport
{
    public static SocketsHttpHandler ForSocket(string socketPath) =>
        new()
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket
                        .ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken)
                        .ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

    public static SocketsHttpHandler ForTcp() => new();
}
