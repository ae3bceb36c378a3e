using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>
/// [inet_http_server] without username and password: Supervisor serves it unauthenticated. We load the config (the
/// daemon and its programs start), leave the port out of the model so it is never opened, and warn with the place and
/// what to add.
/// </summary>
public sealed class InetWithoutCredentialsSpecs
{
    [Theory]
    [InlineData("*:9001")]
    [InlineData("127.0.0.1:9001")]
    public void The_config_loads_without_the_tcp_server_and_warns_what_to_add(string port)
    {
        using var temp = new TempConfig();

        var result = temp.LoadWithHead($"[inet_http_server]\nport={port}\n[program:x]\ncommand=x\n");

        result.Succeeded.Should().BeTrue();
        result.Config!.InetHttpServer.Should().BeNull("a TCP port without credentials is never opened");
        var warning = result.Warnings.Should().ContainSingle().Subject;
        warning
            .ToString()
            .Should()
            .StartWith(
                $"{temp.Dir}/supervisord.conf:6 [inet_http_server] port: not opened: port={port} has no username and password"
            )
            .And.Contain("add username= and password= to [inet_http_server] to open it");
    }

    [Fact]
    public void Check_prints_the_warning_and_exits_0()
    {
        using var temp = new TempConfig();

        var output = CheckReport.Format(temp.LoadWithHead("[inet_http_server]\nport=*:9001\n"));

        output.ExitCode.Should().Be(0);
        output.Text.Should().Contain($"warning: {temp.Dir}/supervisord.conf:6 [inet_http_server] port: not opened:");
    }

    [Fact]
    public void An_empty_username_counts_as_none_as_in_supervisor()
    {
        using var temp = new TempConfig();

        var result = temp.LoadWithHead("[inet_http_server]\nport=9001\nusername=\npassword=p\n");

        result.Config!.InetHttpServer.Should().BeNull();
        result.Warnings.Should().ContainSingle().Which.Message.Should().StartWith("not opened:");
    }

    [Fact]
    public void With_credentials_the_tcp_server_is_kept()
    {
        using var temp = new TempConfig();

        var result = temp.LoadWithHead("[inet_http_server]\nport=9001\nusername=u\npassword=p\n");

        result.Warnings.Should().BeEmpty();
        result
            .Config!.InetHttpServer.Should()
            .Be(new Supervise.Supervisord.Configuration.Model.InetHttpServerSettings("", 9001, "u", "p"));
    }
}
