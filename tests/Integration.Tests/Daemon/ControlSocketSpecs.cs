using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

/// <summary>Who may talk to the daemon (reference/dotnet-on-linux.md §5).</summary>
public sealed class ControlSocketSpecs
{
    [Fact]
    public async Task The_socket_has_the_configured_mode_from_the_start()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig("").StartAsync();

        File.GetUnixFileMode(daemon.SocketPath)
            .Should()
            .Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [RootFact("/usr/bin/setpriv")]
    public async Task Another_uid_is_refused_even_when_the_socket_file_allows_it()
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
        File.SetUnixFileMode(daemon.ConfigPath, (UnixFileMode)0b110_100_100);

        var result = await Cli.Wrap("/usr/bin/setpriv")
            .WithArguments([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                Binaries.Supervisorctl,
                "-c",
                daemon.ConfigPath,
                "status",
            ])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        result.ExitCode.Should().NotBe(0);
        (result.StandardOutput + result.StandardError).Should().NotContain("RUNNING");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_right_one_accepted()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig("[program:p]\ncommand={CHILD} hang\nstartsecs=0\n");
        var config = File.ReadAllText(daemon.ConfigPath)
            .Replace(
                "file=" + daemon.SocketPath,
                "file="
                    + daemon.SocketPath
                    + "\nusername=admin\npassword={SHA}d033e22ae348aeb5660fc2140aec35850c4da997",
                StringComparison.Ordinal
            )
            .Replace(
                "serverurl=unix://" + daemon.SocketPath,
                "serverurl=unix://" + daemon.SocketPath + "\nusername=admin\npassword=admin",
                StringComparison.Ordinal
            );
        File.WriteAllText(daemon.ConfigPath, config);
        await daemon.StartAsync();

        var wrong = await daemon.CtlAsync("-u", "admin", "-p", "wrong", "status");
        var right = await daemon.CtlAsync("status");

        wrong.ExitCode.Should().NotBe(0);
        wrong.Output.Should().NotContain("RUNNING");
        right.Output.Should().Contain("p ");
    }

    [Fact]
    public async Task A_tcp_listener_without_credentials_is_not_opened_and_the_daemon_runs_its_programs()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig("[inet_http_server]\nport=127.0.0.1:39123\n[program:p]\ncommand={CHILD} hang\n")
            .StartAsync();
        await daemon.WaitForStateAsync("p", "RUNNING");

        using var client = new System.Net.Sockets.TcpClient();
        var connect = async () => await client.ConnectAsync("127.0.0.1", 39123);

        await connect
            .Should()
            .ThrowAsync<System.Net.Sockets.SocketException>("a TCP port without credentials is never opened");
        daemon
            .ReadFile("supervisord.log")
            .Should()
            .Contain("WARN")
            .And.Contain("[inet_http_server] port: not opened")
            .And.Contain("add username= and password=");
    }

    [Fact]
    public async Task A_second_daemon_on_the_same_socket_is_refused()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig("").StartAsync();

        var second = await Cli.Wrap(Binaries.Supervisord)
            .WithArguments(["-n", "-c", daemon.ConfigPath])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(30_000).Token);

        second.ExitCode.Should().Be(2);
        second.StandardError.Should().Contain("Another program is already listening");
    }
}
