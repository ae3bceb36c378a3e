using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Supervise.Integration.Tests.Packaging;

/// <summary>
/// The service manager's end of sd_notify: a Unix datagram socket (what NOTIFY_SOCKET names) that keeps every
/// message it receives, such as "READY=1".
/// </summary>
public sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly Task _receiving;

    /// <summary>Listens on notify.sock in a new temporary directory, which <see cref="Dispose"/> removes.</summary>
    public NotifyListener()
    {
        Path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("supervise-notify-").FullName, "notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        _receiving = ReceiveAsync();
    }

    public string Path { get; }

    /// <summary>Each datagram's lines ("READY=1", "STATUS=..."), in the order they came.</summary>
    public IReadOnlyList<string> Lines =>
        _messages.SelectMany(m => m.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                _messages.Enqueue(Encoding.UTF8.GetString(buffer, 0, length));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Disposed: the spec is done listening.
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _receiving.Wait(TimeSpan.FromSeconds(5));
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
