using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Supervise.Integration.Tests.Infrastructure;

/// <summary>One HTTP exchange as raw bytes over the daemon's Unix socket or a TCP port, read until the server closes.</summary>
public static class RawHttp
{
    public sealed record Reply(string StatusLine, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public int Status => int.Parse(StatusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

        public string Text => Encoding.UTF8.GetString(Body);
    }

    /// <summary>POSTs an XML-RPC body to /RPC2 with Connection: close; <paramref name="extraHeaders"/> are raw lines.</summary>
    public static Task<Reply> PostRpcAsync(
        string socketPath,
        string body,
        string extraHeaders = "",
        string version = "HTTP/1.1"
    )
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head =
            $"POST /RPC2 {version}\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: {bytes.Length}\r\n{extraHeaders}Connection: close\r\n\r\n";
        return SendAsync(new UnixDomainSocketEndPoint(socketPath), [.. Encoding.ASCII.GetBytes(head), .. bytes]);
    }

    public static async Task<Reply> SendAsync(EndPoint endpoint, byte[] request, int timeoutSeconds = 30)
    {
        using var socket = new Socket(
            endpoint.AddressFamily,
            SocketType.Stream,
            endpoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp
        );
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await socket.ConnectAsync(endpoint, timeout.Token);
        await socket.SendAsync(request, SocketFlags.None, timeout.Token);
        using var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            received.Write(buffer, 0, read);
        }
        return Parse(received.ToArray());
    }

    public static Reply Parse(byte[] raw)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(raw, 0, end).Split("\r\n");
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new Reply(head[0], headers, raw[(end + 4)..]);
    }
}
