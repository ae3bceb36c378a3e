using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Wire;

/// <summary>Authorization runs before every route: XML-RPC, /logtail, /mainlogtail and gRPC alike.</summary>
public sealed class WireSecuritySpecs
{
    private const string GetState =
        "<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getState</methodName>\n<params>\n</params>\n</methodCall>\n";

    [RootFact("/usr/bin/setpriv", "/usr/bin/python3")]
    public async Task Another_uid_is_refused_on_xml_rpc_and_logtail_even_when_the_socket_file_allows_it()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig("[program:p]\ncommand={CHILD} hang\n");
        File.WriteAllText(
            daemon.ConfigPath,
            File.ReadAllText(daemon.ConfigPath)
                .Replace(
                    "file=" + daemon.SocketPath,
                    "file=" + daemon.SocketPath + "\nchmod=0777",
                    StringComparison.Ordinal
                )
        );
        await daemon.StartAsync();
        File.SetUnixFileMode(daemon.Directory, (UnixFileMode)0b111_101_101);

        var statuses = new List<string>();
        foreach (
            var request in new[]
            {
                Post(GetState),
                "GET /logtail/p HTTP/1.1\r\nHost: \r\n\r\n",
                "GET /mainlogtail HTTP/1.1\r\nHost: \r\n\r\n",
            }
        )
        {
            statuses.Add(await StatusLineAsNobodyAsync(daemon.SocketPath, request));
        }

        statuses.Should().AllBe("HTTP/1.1 403 Forbidden");
        (await RawHttp.PostRpcAsync(daemon.SocketPath, GetState)).Status.Should().Be(200, "root is allowed");
    }

    [Fact]
    public async Task A_missing_or_wrong_password_on_tcp_gets_supervisors_401_and_the_right_one_works()
    {
        var port = FreePort();
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                $"[inet_http_server]\nport=127.0.0.1:{port}\nusername=user\npassword={{SHA}}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4\n"
            )
            .StartAsync();
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);

        var none = await RawHttp.SendAsync(endpoint, Encoding.ASCII.GetBytes(Post(GetState)));
        var wrong = await RawHttp.SendAsync(endpoint, Encoding.ASCII.GetBytes(Post(GetState, "user:nope")));
        var tail = await RawHttp.SendAsync(
            endpoint,
            Encoding.ASCII.GetBytes("GET /mainlogtail HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        );
        var right = await RawHttp.SendAsync(endpoint, Encoding.ASCII.GetBytes(Post(GetState, "user:secret")));

        foreach (var refused in new[] { none, wrong, tail })
        {
            refused.StatusLine.Should().Be("HTTP/1.1 401 Unauthorized");
            refused.Headers["WWW-Authenticate"].Should().Be("Basic realm=\"default\"");
            refused.Headers["Connection"].Should().Be("close");
            refused.Text.Should().Contain("<p>Error code 401.");
        }
        right.Status.Should().Be(200);
        right.Text.Should().Contain("<name>statename</name>\n<value><string>RUNNING</string></value>");
    }

    [ToolFact(PythonCtl.Path)]
    public async Task Python_supervisorctl_without_credentials_says_server_requires_authentication()
    {
        var port = FreePort();
        await using var daemon = await Infrastructure
            .Daemon.WithConfig($"[inet_http_server]\nport=127.0.0.1:{port}\nusername=user\npassword=secret\n")
            .StartAsync();

        var result = await PythonCtl.RunAsync(daemon.ConfigPath, "-s", $"http://127.0.0.1:{port}", "status");
        var allowed = await PythonCtl.RunAsync(
            daemon.ConfigPath,
            "-s",
            $"http://127.0.0.1:{port}",
            "-u",
            "user",
            "-p",
            "secret",
            "pid"
        );

        result.ExitCode.Should().Be(1);
        result.Output.Should().StartWith("Server requires authentication\n");
        allowed.Should().Be(new CtlResult(0, daemon.Pid + "\n"));
    }

    private static string Post(string body, string? credentials = null) =>
        $"POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n"
        + (
            credentials is null
                ? ""
                : $"Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))}\r\n"
        )
        + $"Connection: close\r\n\r\n{body}";

    /// <summary>Sends the request as uid 65534 (a Python one-liner under setpriv) and returns the reply's status line.</summary>
    private static async Task<string> StatusLineAsNobodyAsync(string socketPath, string request)
    {
        const string Script =
            "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\ns.sendall(sys.stdin.buffer.read())\nprint(s.makefile('rb').readline().decode().strip())";
        var result = await Cli.Wrap("/usr/bin/setpriv")
            .WithArguments([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "/usr/bin/python3",
                "-c",
                Script,
                socketPath,
            ])
            .WithStandardInputPipe(PipeSource.FromString(request))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return result.StandardOutput.Trim() + result.StandardError.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
