using System.Net.Sockets;
using Grpc.Core;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class DispatchSpecs
{
    [Theory]
    [InlineData(new[] { "foo" }, "*** Unknown syntax: foo\n")]
    [InlineData(new[] { "foo", "bar" }, "*** Unknown syntax: foo bar\n")]
    [InlineData(new[] { "!ls" }, "*** Unknown syntax: !ls\n")]
    [InlineData(new[] { "-", "x" }, "*** Unknown syntax: - x\n")]
    public void An_unknown_action_exits_1(string[] args, string expected)
    {
        var run = Ctl.Run(new FakeSupervisor(), args);

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData("start x", 7)]
    [InlineData("stop x", 7)]
    [InlineData("restart x", 7)]
    [InlineData("signal HUP x", 7)]
    [InlineData("pid", 7)]
    [InlineData("tail x", 7)]
    [InlineData("maintail", 7)]
    [InlineData("clear x", 7)]
    [InlineData("fg x", 7)]
    [InlineData("version", 7)]
    [InlineData("status", 4)]
    public void A_missing_socket_prints_no_such_file(string command, int exit)
    {
        var daemon = new FakeSupervisor { Failure = Ctl.Unreachable(SocketError.AddressNotAvailable) };

        var run = Ctl.Run(daemon, ["-s", "unix:///nonexistent.sock", .. command.Split(' ')]);

        run.Out.Should().Be("unix:///nonexistent.sock no such file\n");
        run.ExitCode.Should().Be(exit);
    }

    [Theory]
    [InlineData("start x")]
    [InlineData("status")]
    public void A_refused_connection_exits_4(string command)
    {
        var daemon = new FakeSupervisor { Failure = Ctl.Unreachable(SocketError.ConnectionRefused) };

        var run = Ctl.Run(daemon, ["-s", "http://127.0.0.1:1", .. command.Split(' ')]);

        run.Out.Should().Be("http://127.0.0.1:1 refused connection\n");
        run.ExitCode.Should().Be(4);
    }

    [Theory]
    [InlineData(
        "unix:///nonexistent.sock",
        SocketError.AddressNotAvailable,
        "error: <class 'FileNotFoundError'>, [Errno 2] No such file or directory: file: /usr/lib/python3/dist-packages/supervisor/xmlrpc.py line: 557\n"
    )]
    [InlineData(
        "unix:///refused.sock",
        SocketError.ConnectionRefused,
        "error: <class 'ConnectionRefusedError'>, [Errno 111] Connection refused: file: /usr/lib/python3/dist-packages/supervisor/xmlrpc.py line: 557\n"
    )]
    [InlineData(
        "http://127.0.0.1:1",
        SocketError.ConnectionRefused,
        "error: <class 'ConnectionRefusedError'>, [Errno 111] Connection refused: file: /usr/lib/python3.11/socket.py line: 836\n"
    )]
    [InlineData(
        "http://nosuchhost.invalid:9",
        SocketError.HostNotFound,
        "error: <class 'socket.gaierror'>, [Errno -2] Name or service not known: file: /usr/lib/python3.11/socket.py line: 962\n"
    )]
    public void Commands_without_upcheck_report_an_unreachable_server_as_supervisors_uncaught_error(
        string url,
        SocketError error,
        string expected
    )
    {
        foreach (var command in new[] { "avail", "reread", "update", "reload" })
        {
            var run = Ctl.Run(new FakeSupervisor { Failure = Ctl.Unreachable(error) }, "-s", url, command);

            run.Out.Should().Be(expected, command);
            run.ExitCode.Should().Be(1);
        }
    }

    [Fact]
    public void An_unexpected_fault_is_printed_as_supervisors_fault_error()
    {
        var daemon = new FakeSupervisor { OnReload = () => throw Info.Fault(Protocol.V1.Fault.Failed, "it's broken") };

        var run = Ctl.Run(daemon, "reload");

        run.Out.Should()
            .Be(
                "error: <class 'xmlrpc.client.Fault'>, <Fault 30: \"FAILED: it's broken\">: file: /usr/lib/python3.11/xmlrpc/client.py line: 668\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void A_server_requiring_credentials_fails_with_supervisors_two_lines_when_not_interactive()
    {
        var daemon = new FakeSupervisor { Failure = new RpcException(new Status(StatusCode.Unauthenticated, "")) };

        var run = Ctl.Run(daemon, "status");

        run.Out.Should()
            .Be(
                "Server requires authentication\n"
                    + "error: <class 'xmlrpc.client.ProtocolError'>, <ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>: "
                    + "file: /usr/lib/python3/dist-packages/supervisor/xmlrpc.py line: 539\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void A_server_requiring_credentials_prompts_for_them_in_the_shell_and_retries()
    {
        var daemon = new FakeSupervisor { Failure = new RpcException(new Status(StatusCode.Unauthenticated, "")) };
        daemon.Processes.Add(Info.Running("a", 5));
        var sessions = new List<(string? User, string? Password)>();
        var output = new StringWriter { NewLine = "\n" };
        var environment = new CtlEnvironment(
            output,
            TextWriter.Null,
            new ScriptedConsole(output, "admin", "secret"),
            session =>
            {
                sessions.Add((session.Username, session.Password));
                if (session.Username == "admin")
                {
                    daemon.Failure = null;
                }
                return daemon;
            },
            new Dictionary<string, string>(),
            "/",
            [],
            "supervisorctl",
            TimeZoneInfo.Utc
        );

        var exit = CtlApp.RunAsync(["-i", "pid", "a"], environment).GetAwaiter().GetResult();

        output.ToString().Should().Be("Server requires authentication\nUsername:Password:\n5\n");
        sessions.Should().Equal((null, null), ("admin", "secret"));
        exit.Should().Be(0);
    }
}
