using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Wire;

/// <summary>
/// Hostile and odd requests to /RPC2 on the daemon's Unix socket: whatever a client sends, the daemon goes on answering,
/// its memory is not the client's to fill, and its main log is not the client's to flood.
/// </summary>
public sealed class XmlRpcRobustnessSpecs
{
    private const string GetState =
        "<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getState</methodName>\n<params>\n</params>\n</methodCall>\n";

    private const string Programs = "[program:sleeper]\ncommand={CHILD} hang\n";

    [Theory]
    [InlineData("Content-Length: 104857600")]
    [InlineData("Transfer-Encoding: chunked")]
    public async Task A_100_MB_body_is_refused_with_413_before_it_is_read_and_the_daemon_goes_on_answering(
        string framing
    )
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        using var socket = await ConnectAsync(daemon);
        await socket.SendAsync(
            Encoding.ASCII.GetBytes(
                $"POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n{framing}\r\n\r\n"
            )
        );

        var chunked = framing.StartsWith("Transfer", StringComparison.Ordinal);
        var sending = SendJunkAsync(socket, 100 << 20, chunked);
        var reply = await ReadHeadAsync(socket);
        var sent = await sending;

        reply
            .Should()
            .Match(
                r => r == "" || r.StartsWith("HTTP/1.1 413 Request Entity Too Large\r\n", StringComparison.Ordinal),
                "the daemon refuses the body (or closes the connection) instead of buffering it"
            );
        sent.Should().BeLessThan(100 << 20, "the daemon closed the connection before the whole body was sent");
        (await RawHttp.PostRpcAsync(daemon.SocketPath, GetState)).Status.Should().Be(200);
    }

    [Fact]
    public async Task Malformed_xml_gets_400_and_one_short_error_line_and_the_daemon_goes_on_answering()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        var before = RawLines(daemon).Count;

        var reply = await RawHttp.PostRpcAsync(
            daemon.SocketPath,
            "<methodCall><methodName>supervisor.getState</methodName>\n<params>\x01"
        );

        reply.Status.Should().Be(400);
        reply.Headers["Content-Type"].Should().Be("text/html");
        await Eventually.UntilAsync(
            () => RawLines(daemon).Skip(before).Any(l => l.Contains("XML-RPC request data", StringComparison.Ordinal)),
            "the bad request is logged"
        );
        var added = RawLines(daemon).Skip(before).ToList();
        added
            .Should()
            .ContainSingle(l => l.Contains("XML-RPC request data", StringComparison.Ordinal))
            .Which.Should()
            .Contain(
                " ERRO XML-RPC request data '<methodCall><methodName>supervisor.getState</methodName>\\n<params>\\x01' is invalid: "
            )
            .And.Match(l => l.Length < 400);
        (await RawHttp.PostRpcAsync(daemon.SocketPath, GetState)).Status.Should().Be(200);
    }

    [Fact]
    public async Task A_thousand_malformed_requests_add_at_most_a_hundred_lines_to_the_main_log_and_no_stack_trace()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        var before = RawLines(daemon).Count;
        string[] bodies =
        [
            "<methodCall>",
            "not xml at all",
            "\0\xff\xfe",
            "<methodCall/>",
            "<!DOCTYPE x [<!ENTITY a 'b'>]><methodCall/>",
            "<methodCall><methodName>supervisor.getState</methodName><params><param><value><int>nope</int></value></param></params></methodCall>",
            "<methodCall><methodName>x.y</methodName><params>"
                + string.Concat(Enumerable.Repeat("<param><value><array><data>", 300))
                + "</params></methodCall>",
        ];

        for (var i = 0; i < 1000; i++)
        {
            (await RawHttp.PostRpcAsync(daemon.SocketPath, bodies[i % bodies.Length]))
                .Status.Should()
                .Be(400, bodies[i % bodies.Length]);
        }

        (await RawHttp.PostRpcAsync(daemon.SocketPath, GetState)).Status.Should().Be(200);
        var added = RawLines(daemon).Skip(before).ToList();
        added.Should().HaveCountGreaterThan(0).And.HaveCountLessThanOrEqualTo(100);
        added
            .Should()
            .NotContain(l =>
                l.TrimStart().StartsWith("at ", StringComparison.Ordinal)
                || l.Contains("Exception", StringComparison.Ordinal)
            );
    }

    [Fact]
    public async Task Get_on_rpc2_is_400()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();

        var reply = await RawHttp.SendAsync(
            new UnixDomainSocketEndPoint(daemon.SocketPath),
            "GET /RPC2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"u8.ToArray()
        );

        reply.StatusLine.Should().Be("HTTP/1.1 400 Bad Request");
        reply.Text.Should().Contain("<p>Error code 400.");
    }

    [Fact]
    public async Task A_chunked_post_is_accepted_where_supervisor_answers_411()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        var body = Encoding.ASCII.GetBytes(GetState);
        var head =
            "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

        var reply = await RawHttp.SendAsync(
            new UnixDomainSocketEndPoint(daemon.SocketPath),
            [.. Encoding.ASCII.GetBytes(head + $"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8]
        );

        reply
            .Status.Should()
            .Be(200, "Kestrel decodes chunked bodies; Supervisor's 411 would only break a client that sends one");
        reply.Text.Should().Contain("<name>statename</name>\n<value><string>RUNNING</string></value>");
    }

    [Fact]
    public async Task An_http_1_0_request_gets_content_length_and_the_connection_is_closed_after_the_reply()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        var body = Encoding.ASCII.GetBytes(GetState);
        var request =
            $"POST /RPC2 HTTP/1.0\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: {body.Length}\r\n\r\n";

        // SendAsync reads until the server closes: a reply that keeps the connection open times out here.
        var reply = await RawHttp.SendAsync(
            new UnixDomainSocketEndPoint(daemon.SocketPath),
            [.. Encoding.ASCII.GetBytes(request), .. body],
            timeoutSeconds: 10
        );

        reply.Status.Should().Be(200);
        reply
            .Headers["Content-Length"]
            .Should()
            .Be(reply.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        reply.Text.Should().EndWith("</methodResponse>\n");
    }

    [Fact]
    public async Task A_client_that_sends_its_body_slowly_does_not_hold_up_other_clients()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        using var slow = await ConnectAsync(daemon);
        var body = Encoding.ASCII.GetBytes(GetState);
        await slow.SendAsync(
            Encoding.ASCII.GetBytes(
                $"POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: {body.Length}\r\n\r\n"
            )
        );
        await slow.SendAsync(body.AsMemory(0, 10));

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            (await RawHttp.PostRpcAsync(daemon.SocketPath, GetState)).Status.Should().Be(200);
        }

        clock
            .Elapsed.Should()
            .BeLessThan(TimeSpan.FromSeconds(5), "the half-sent request waits on its own connection only");
        await slow.SendAsync(body.AsMemory(10));
        (await ReadHeadAsync(slow))
            .Should()
            .StartWith("HTTP/1.1 200 OK\r\n", "the slow client is answered once its body is complete");
    }

    private static async Task<Socket> ConnectAsync(Infrastructure.Daemon daemon)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(daemon.SocketPath));
        return socket;
    }

    /// <returns>How many body bytes were sent before the daemon closed the connection (or all of them).</returns>
    private static async Task<long> SendJunkAsync(Socket socket, long total, bool chunked)
    {
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)'x');
        var framed = chunked ? [.. Encoding.ASCII.GetBytes($"{block.Length:x}\r\n"), .. block, .. "\r\n"u8] : block;
        long sent = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (sent < total)
            {
                await socket.SendAsync(framed, SocketFlags.None, timeout.Token);
                sent += block.Length;
            }
        }
        catch (SocketException)
        {
            // The daemon closed the connection: what this spec wants.
        }
        return sent;
    }

    /// <returns>The status line and headers, or "" when the connection closes first.</returns>
    private static async Task<string> ReadHeadAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<byte>();
        var buffer = new byte[4096];
        try
        {
            while (!Encoding.ASCII.GetString([.. received]).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (read == 0)
                {
                    break;
                }
                received.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (SocketException)
        {
            // Reset by the daemon: the same as a close here.
        }
        return Encoding.ASCII.GetString([.. received]);
    }

    /// <summary>Every line of the main log, continuation lines (a stack trace's) included.</summary>
    private static List<string> RawLines(Infrastructure.Daemon daemon)
    {
        using var stream = new FileStream(
            Path.Combine(daemon.Directory, "supervisord.log"),
            FileMode.Open,
            FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete
        );
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
