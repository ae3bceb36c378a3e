using System.Net;
using System.Net.Sockets;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The listening socket of an [fcgi-program:x] group (reference §1.14): bound and listening before the first child
/// starts, shared by every process of the group as its fd 0, and closed when the group is removed. A Unix socket
/// gets socket_mode and socket_owner; a stale file from a crash is replaced.
/// </summary>
public sealed class FcgiSocket : IDisposable
{
    private readonly Socket _socket;
    private readonly string? _path;

    public FcgiSocket(FcgiSocketSettings settings)
    {
        if (settings.Socket.StartsWith("unix://", StringComparison.Ordinal))
        {
            _path = settings.Socket["unix://".Length..];
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _socket.Bind(new UnixDomainSocketEndPoint(_path));
            SocketPermissions.Apply(_path, settings.Mode, settings.Owner);
        }
        else
        {
            var address = new Uri(settings.Socket.Replace("tcp://", "http://", StringComparison.Ordinal));
            var host =
                address.Host is "" or "*" ? IPAddress.Any
                : IPAddress.TryParse(address.Host, out var ip) ? ip
                : Dns.GetHostAddresses(address.Host)[0];
            _socket = new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _socket.Bind(new IPEndPoint(host, address.Port));
        }
        _socket.Listen(settings.Backlog);
    }

    /// <summary>The listening descriptor each child receives as its stdin.</summary>
    public int Fd => (int)_socket.Handle;

    public void Dispose()
    {
        _socket.Dispose();
        if (_path is not null)
        {
            try
            {
                File.Delete(_path);
            }
            catch (IOException)
            {
                // Left behind: the next start replaces it.
            }
        }
    }
}
