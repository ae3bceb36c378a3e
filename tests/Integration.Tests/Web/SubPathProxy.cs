using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Supervise.Integration.Tests.Web;

/// <summary>
/// A tiny reverse proxy that serves the daemon under a path prefix, as nginx's "location /sup/ { proxy_pass
/// http://daemon/; }" does: it strips the prefix from the request line, forwards Host and every other header unchanged,
/// and asks for one request per connection (Connection: close) so that it only ever rewrites a first line. Bodies and
/// streamed answers (server-sent events, /logtail) pass through byte for byte. "/sup" redirects to "/sup/".
/// </summary>
public sealed class SubPathProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SubPathProxy(string prefix, int upstreamPort)
    {
        Prefix = prefix;
        UpstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Prefix { get; }

    public int UpstreamPort { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var downstream = client.GetStream();
        try
        {
            var (head, rest) = await ReadHeadAsync(downstream);
            var lines = head.Split("\r\n").ToList();
            var parts = lines[0].Split(' ');
            if (parts[1] == Prefix)
            {
                await downstream.WriteAsync(
                    Encoding.ASCII.GetBytes(
                        $"HTTP/1.1 301 Moved Permanently\r\nLocation: {Prefix}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                );
                return;
            }
            if (!parts[1].StartsWith(Prefix + "/", StringComparison.Ordinal))
            {
                await downstream.WriteAsync(
                    Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                );
                return;
            }
            parts[1] = parts[1][Prefix.Length..];
            lines[0] = string.Join(' ', parts);
            lines.RemoveAll(l => l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
            lines.Insert(1, "Connection: close");
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, UpstreamPort, _stop.Token);
            var upstreamStream = upstream.GetStream();
            await upstreamStream.WriteAsync(
                Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n"),
                _stop.Token
            );
            await upstreamStream.WriteAsync(rest, _stop.Token);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = downstream.CopyToAsync(upstreamStream, done.Token);
            var down = upstreamStream.CopyToAsync(downstream, done.Token);
            // The daemon closes after its answer (Connection: close); a browser closes a stream it no longer wants.
            await Task.WhenAny(up, down);
            await done.CancelAsync();
        }
        catch (Exception e)
            when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away.
        }
    }

    private static async Task<(string Head, byte[] Remainder)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
            {
                throw new IOException("closed before the end of the head");
            }
            buffer.AddRange(chunk.AsSpan(0, read));
            var text = Encoding.Latin1.GetString(buffer.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return (text[..end], buffer.Skip(end + 4).ToArray());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
