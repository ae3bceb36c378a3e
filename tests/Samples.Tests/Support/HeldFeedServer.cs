using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Supervise.Samples.Tests.Support;

/// <summary>
/// A one-request HTTP server that holds its answer until released: it keeps a worker inside a read_data job for
/// exactly as long as a spec needs (for example, to send SIGTERM mid-job) without any sleep.
/// </summary>
public sealed class HeldFeedServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;

    public HeldFeedServer(string body)
    {
        _listener.Start();
        _serving = ServeAsync(body);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/feed.xml";

    public Task RequestArrived => _arrived.Task;

    public Task Served => _serving;

    public void Release() => _released.TrySetResult();

    public void Dispose()
    {
        _released.TrySetResult();
        _listener.Stop();
    }

    private async Task ServeAsync(string body)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        _arrived.TrySetResult();
        await _released.Task;
        var content = Encoding.UTF8.GetBytes(body);
        var head =
            $"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(content);
    }
}
