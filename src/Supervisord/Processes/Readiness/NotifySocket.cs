using System.Net.Sockets;
using System.Text;

namespace Supervise.Supervisord.Processes.Readiness;

/// <summary>
/// systemd's sd_notify endpoint for one ready=notify program: a unix datagram socket in the abstract namespace (no
/// file to clean up, reachable after the child's setuid), given to the child as NOTIFY_SOCKET=@name. Each datagram
/// is newline-separated KEY=VALUE pairs (sd_notify(3)); READY=1 and STATUS= are what the daemon acts on. One
/// receive is pending at any time, so an idle socket costs no wake-ups.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private static int _counter;
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();

    public NotifySocket(Action<NotifyMessage> onMessage)
    {
        // The abstract name only has to be unique on this host: the daemon's pid and a counter make it so.
        Name = $"@supervise/{Environment.ProcessId}/{Interlocked.Increment(ref _counter)}";
        _socket.Bind(new UnixDomainSocketEndPoint("\0" + Name[1..]));
        _ = ReceiveAsync(onMessage);
    }

    /// <summary>The NOTIFY_SOCKET value: '@' marks an abstract address, as systemd writes it.</summary>
    public string Name { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync(Action<NotifyMessage> onMessage)
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
                when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            onMessage(NotifyMessage.Parse(Encoding.UTF8.GetString(buffer, 0, length)));
        }
    }
}

/// <summary>What one sd_notify datagram said; null for a field it did not carry.</summary>
internal sealed record NotifyMessage(bool Ready, string? Status)
{
    public static NotifyMessage Parse(string datagram)
    {
        var ready = false;
        string? status = null;
        foreach (var line in datagram.Split('\n'))
        {
            if (line == "READY=1")
            {
                ready = true;
            }
            else if (line.StartsWith("STATUS=", StringComparison.Ordinal))
            {
                status = line[7..];
            }
        }
        return new NotifyMessage(ready, status);
    }
}
