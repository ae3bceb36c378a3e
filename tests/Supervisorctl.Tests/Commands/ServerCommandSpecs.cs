using System.Net.Sockets;
using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class ServerCommandSpecs
{
    [Fact]
    public void Shutdown_without_interaction_does_not_ask()
    {
        var daemon = new FakeSupervisor();

        var run = Ctl.Run(daemon, "shutdown");

        run.Out.Should().Be("Shut down\n");
        run.ExitCode.Should().Be(0);
        daemon.Calls.Should().Equal("Shutdown");
    }

    [Fact]
    public void A_second_shutdown_says_already_shutting_down()
    {
        var run = Ctl.Run(new FakeSupervisor { OnShutdown = () => throw Info.Fault(Fault.ShutdownState) }, "shutdown");

        run.Out.Should().Be("ERROR: already shutting down\n");
        run.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData(
        "unix:///x.sock",
        SocketError.AddressNotAvailable,
        "ERROR: unix:///x.sock no such file (already shut down?)\n"
    )]
    [InlineData(
        "http://127.0.0.1:1",
        SocketError.ConnectionRefused,
        "ERROR: http://127.0.0.1:1 refused connection (already shut down?)\n"
    )]
    public void Shutdown_of_a_server_already_gone_exits_1(string url, SocketError error, string expected)
    {
        var run = Ctl.Run(new FakeSupervisor { Failure = Ctl.Unreachable(error) }, "-s", url, "shutdown");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData("y", "Shut down\n")]
    [InlineData("Yes", "Shut down\n")]
    [InlineData("n", "")]
    [InlineData("", "")]
    public void Interactive_shutdown_asks_first(string answer, string expected)
    {
        var daemon = new FakeSupervisor();

        var run = Ctl.Run(daemon, [answer], null, "-i", "shutdown");

        run.Out.Should().Be("Really shut the remote supervisord process down y/N? " + expected);
        daemon.Calls.Contains("Shutdown").Should().Be(expected.Length > 0);
    }

    [Fact]
    public void Interactive_reload_asks_first()
    {
        var run = Ctl.Run(new FakeSupervisor(), ["y"], null, "-i", "reload");

        run.Out.Should().Be("Really restart the remote supervisord process y/N? Restarted supervisord\n");
    }

    [Fact]
    public void Reload_while_shutting_down_exits_1()
    {
        var run = Ctl.Run(new FakeSupervisor { OnReload = () => throw Info.Fault(Fault.ShutdownState) }, "reload");

        run.Out.Should().Be("ERROR: already shutting down\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Version_prints_the_supervisor_release_the_daemon_mirrors()
    {
        var run = Ctl.Run(new FakeSupervisor(), "version");

        run.Out.Should().Be("4.2.5\n");
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void A_server_with_another_api_version_exits_5()
    {
        var daemon = new FakeSupervisor { Version = new VersionReply { ApiVersion = "2.0" } };

        var run = Ctl.Run(daemon, "start", "web");

        run.Out.Should()
            .Be(
                "Sorry, this version of supervisorctl expects to talk to a server with API version 3.0, but the remote version is 2.0.\n"
            );
        run.ExitCode.Should().Be(5);
    }

    [Fact]
    public void Open_rejects_other_schemes()
    {
        var run = Ctl.Run(new FakeSupervisor(), "open", "ftp://x");

        run.Out.Should().Be("ERROR: url must be http:// or unix://\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Open_switches_server_and_shows_status_keeping_the_exit_status()
    {
        var daemon = new FakeSupervisor();
        daemon.Processes.Add(Info.Stopped("a"));
        string? opened = null;
        var output = new StringWriter { NewLine = "\n" };
        var environment = new CtlEnvironment(
            output,
            TextWriter.Null,
            new ScriptedConsole(output),
            session =>
            {
                opened = session.ServerUrl;
                return daemon;
            },
            new Dictionary<string, string>(),
            "/",
            [],
            "supervisorctl",
            TimeZoneInfo.Utc
        );

        var exit = CtlApp.RunAsync(["open", "unix:///tmp/other.sock"], environment).GetAwaiter().GetResult();

        opened.Should().Be("unix:///tmp/other.sock");
        output.ToString().Should().Be("a                                STOPPED   Not started\n");
        exit.Should().Be(0);
    }
}
