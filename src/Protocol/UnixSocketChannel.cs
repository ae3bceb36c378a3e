using System.Net.Sockets;
using Grpc.Net.Client;

namespace Supervise.Protocol;

/// <summary>Builds gRPC channels to supervisord over its Unix socket (HTTP/2 without TLS) or over TCP.</summary>
public static class UnixSocketChannel
{
    public static GrpcChannel ForSocket(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public static GrpcChannel ForHttp(Uri address) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler(), DisposeHttpClient = true });
}
