using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Supervise.Faults;

/// <summary>
/// Hostile arguments to the ctl and hostile requests on the socket, by both protocols: each is refused in one short
/// answer, the daemon keeps answering, and its main log grows by a few throttled lines without a stack trace
/// (issue 15 measured 162 traces for 100 malformed gRPC messages).
/// </summary>
public sealed class HostileClientSpecs
{
    private const string Program = """
        [program:calm]
        command={CHILD} hang
        startsecs=0
        """;

    private static readonly string[][] HostileArguments =
    [
        new[] { "start", new string('a', 100_000) },
        new[] { "tail", "-99999999999999999999", "calm" },
        new[] { "tail", "-0", "calm", "stderr" },
        new[] { "tail", "calm", "nochannel" },
        new[] { "signal", "999999", "all" },
        new[] { "signal", "-9", "calm" },
        new[] { "start", "../../etc/passwd" },
        new[] { "start", "*?[" },
        new[] { "stop", "group:" },
        new[] { "restart", ":" },
        new[] { "status", "\u202e\U0001F4A3名前" },
        new[] { "clear", "" },
        new[] { "add", "" },
        new[] { "remove", "%s%s%s%n" },
        new[] { "update", "calm", "calm", "calm" },
        new[] { "pid", "-1" },
        new[] { "maintail", "-18446744073709551617" },
        new[] { "avail", "extra", "args" },
        new[] { "fg" },
        new[] { "nosuchcommand", "\x1b[2J" },
    ];

    [Fact]
    public async Task Hostile_ctl_arguments_get_short_answers_and_leave_the_daemon_answering()
    {
        await using var daemon = await Daemon.WithConfig(Program).StartAsync();
        foreach (var arguments in HostileArguments)
        {
            var result = await daemon.CtlAsync(arguments);

            result
                .ExitCode.Should()
                .BeLessThan(
                    128,
                    $"supervisorctl {string.Join(' ', arguments)[..Math.Min(60, string.Join(' ', arguments).Length)]} must not crash"
                );
            result.Output.Should().NotContain("Unhandled exception");
            LogLines.StackFrame().IsMatch(result.Output).Should().BeFalse();
            result.Output.Length.Should().BeLessThan(64 * 1024, "an echoed argument is cut, not repeated whole");
        }
        (await daemon.CtlAsync("status", "calm")).Output.Should().Contain("RUNNING");
        LogLines
            .StackFrame()
            .IsMatch(File.ReadAllText(Path.Combine(daemon.Directory, "supervisord.log")))
            .Should()
            .BeFalse();
    }

    [Fact]
    public async Task A_thousand_malformed_grpc_and_a_thousand_malformed_xml_rpc_requests_add_at_most_100_main_log_lines_without_a_trace()
    {
        await using var daemon = await Daemon.WithConfig(Program).StartAsync();
        await daemon.WaitForStateAsync("calm", "RUNNING");
        var before = MainLog.Read(daemon).Count;

        using var grpc = GrpcOver(daemon.SocketPath);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 1000),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, token) =>
            {
                using var request = new HttpRequestMessage(
                    HttpMethod.Post,
                    "http://localhost/supervise.v1.Supervisor/GetProcess"
                )
                {
                    Content = new ByteArrayContent(MalformedGrpc[i % MalformedGrpc.Length]),
                    Version = HttpVersion.Version20,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
                request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
                try
                {
                    using var response = await grpc.SendAsync(request, token);
                    await response.Content.ReadAsByteArrayAsync(token);
                }
                catch (HttpRequestException)
                {
                    // A reset stream is a fine answer to a malformed message.
                }
            }
        );
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 1000),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) =>
            {
                var reply = await RawHttp.PostRpcAsync(daemon.SocketPath, MalformedXmlRpc[i % MalformedXmlRpc.Length]);
                reply.Status.Should().BeOneOf(200, 400, 413);
            }
        );

        (await daemon.CtlAsync("status", "calm")).Output.Should().Contain("RUNNING");
        var text = File.ReadAllText(Path.Combine(daemon.Directory, "supervisord.log"));
        var added = MainLog.Read(daemon).Skip(before).ToList();
        added
            .Count.Should()
            .BeLessThanOrEqualTo(
                100,
                string.Join(
                    "\n",
                    added
                        .GroupBy(l => l.Message[..Math.Min(70, l.Message.Length)])
                        .Select(g => $"{g.Count()} x {g.Key}")
                        .Take(10)
                )
            );
        added
            .Should()
            .Contain(
                l => l.Level == "WARN" && l.Message.StartsWith("bad request: ", StringComparison.Ordinal),
                "the malformed gRPC messages reached the server and were said, briefly"
            );
        LogLines.StackFrame().IsMatch(text).Should().BeFalse("a malformed request is not an internal error");
        text.Split('\n').Max(l => l.Length).Should().BeLessThan(2000, "each bad request line is short");
    }

    private static readonly byte[][] MalformedGrpc =
    [
        [0, 0, 0, 0, 5, 0xff, 0xff, 0xff, 0xff, 0xff],
        [1, 0, 0, 0, 3, 1, 2, 3],
        [0, 0, 0, 0, 100, 1, 2, 3],
        [0, 0x7f, 0xff, 0xff, 0xff],
        [0, 0, 0, 0, 2, 0x0a, 0x05],
        [9],
        [0, 0, 0, 0, 3, 0x0a, 0x01, 0xc3],
    ];

    private static readonly string[] MalformedXmlRpc =
    [
        "<not xml",
        "",
        "\u0000\u0001\u0002garbage",
        "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><methodCall><methodName>&b;</methodName></methodCall>",
        "<methodCall><methodName>system.listMethods</methodName><params>"
            + string.Concat(Enumerable.Repeat("<param><value><array><data>", 2000))
            + "</params></methodCall>",
        "<methodCall><methodName>supervisor.getProcessInfo</methodName><params><param><value><int>999999999999999999999999</int></value></param></params></methodCall>",
        "<methodCall><methodName>" + new string('m', 300_000) + "</methodName></methodCall>",
        "<methodCall><params></params></methodCall>",
    ];

    /// <summary>An HTTP/2 (prior knowledge) client on the daemon's Unix socket, as the gRPC ctl connects.</summary>
    private static HttpClient GrpcOver(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
