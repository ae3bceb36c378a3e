using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// SUPERVISOR_SERVER_URL as Supervisor sets it (options.py ServerOptions.realize, process.py _spawn_as_child): the
/// program's serverurl=, else unix:// and the absolute path of the unix server, else http://host:port of the inet
/// server, where inet_address turns "" and "*" into "" and realize then writes localhost.
/// </summary>
public sealed class ServerUrlSpecs
{
    private const string Printer = """
        [program:envy]
        command={CHILD} env:SUPERVISOR_SERVER_URL hang
        stdout_logfile={W}/envy.log
        """;

    [Fact]
    public async Task The_unix_server_wins_over_the_inet_server()
    {
        var port = ClientTools.FreePort();
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                Printer
                    + $"""

                    [inet_http_server]
                    port=127.0.0.1:{port}
                    username=user
                    password=123
                    """
            )
            .StartAsync();

        (await UrlSeenAsync(daemon, "envy")).Should().Be($"unix://{daemon.SocketPath}");
    }

    [Fact]
    public async Task A_relative_socket_file_is_given_as_an_absolute_path()
    {
        var directory = Directory.CreateTempSubdirectory("supervise-it-").FullName;
        var config = Path.Combine(directory, "supervisord.conf");
        File.WriteAllText(
            config,
            $"""
            [unix_http_server]
            file=sub/../rel.sock

            [supervisord]
            logfile={directory}/supervisord.log
            pidfile={directory}/supervisord.pid

            [supervisorctl]
            serverurl=unix://{directory}/rel.sock

            """
                + Printer
                    .Replace("{W}", directory, StringComparison.Ordinal)
                    .Replace("{CHILD}", Binaries.TestChild, StringComparison.Ordinal)
        );
        // The daemon runs in its folder (Daemon.StartAsync), so the relative file= is relative to it, as in Supervisor.
        await using var daemon = await Infrastructure
            .Daemon.ForConfig(directory, config, Path.Combine(directory, "rel.sock"))
            .StartAsync();

        (await UrlSeenAsync(daemon, "envy")).Should().Be($"unix://{directory}/rel.sock");
    }

    [Fact]
    public async Task A_programs_serverurl_wins_and_AUTO_means_the_default()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:own]
                command={CHILD} env:SUPERVISOR_SERVER_URL hang
                serverurl=http://elsewhere.example:9
                stdout_logfile={W}/own.log

                [program:auto]
                command={CHILD} env:SUPERVISOR_SERVER_URL hang
                serverurl=AUTO
                stdout_logfile={W}/auto.log
                """
            )
            .StartAsync();

        (await UrlSeenAsync(daemon, "own")).Should().Be("http://elsewhere.example:9");
        (await UrlSeenAsync(daemon, "auto")).Should().Be($"unix://{daemon.SocketPath}");
    }

    [Theory]
    [InlineData("*:{0}", "http://localhost:{0}")]
    [InlineData("{0}", "http://localhost:{0}")]
    [InlineData(":{0}", "http://localhost:{0}")]
    [InlineData("127.0.0.1:{0}", "http://127.0.0.1:{0}")]
    [InlineData("LocalHost:{0}", "http://localhost:{0}")]
    public async Task Without_a_unix_server_it_is_the_inet_servers_http_url(string port, string expected)
    {
        var number = ClientTools.FreePort();
        await using var daemon = await InetOnlyAsync(string.Format(null, port, number), Printer);

        (await UrlSeenAsync(daemon, "envy")).Should().Be(string.Format(null, expected, number));
    }

    [ClientFact(Client.Childutils)]
    public async Task A_child_reaches_the_daemon_through_the_http_url_with_the_credentials_it_is_given()
    {
        var port = ClientTools.FreePort();
        await using var daemon = await InetOnlyAsync(
            $"*:{port}",
            $$"""
            [program:victim]
            command={CHILD} hang

            [program:driver]
            command={{ClientTools.DebianPython}} {W}/driver.py
            environment=SUPERVISOR_USERNAME="user",SUPERVISOR_PASSWORD="123"
            autostart=false
            autorestart=false
            startsecs=0
            stdout_logfile={W}/driver.log
            stderr_logfile={W}/driver.err
            """
        );
        File.WriteAllText(Path.Combine(daemon.Directory, "driver.py"), SuperlanceReplaySpecs.Script);
        await daemon.WaitForStateAsync("victim", "RUNNING");

        (await daemon.CtlAsync("start", "driver")).Output.Should().Be("driver: started\n");
        await Eventually.UntilAsync(
            () =>
                ClientTools.ReadIfAny(daemon, "driver.log").Contains("restarted", StringComparison.Ordinal)
                || ClientTools.ReadIfAny(daemon, "driver.err").Contains("Error", StringComparison.Ordinal),
            "the driver restarted the victim over TCP",
            TimeSpan.FromSeconds(30)
        );

        ClientTools
            .ReadIfAny(daemon, "driver.log")
            .Should()
            .StartWith(
                $"url http://localhost:{port}\nrestarted victim:victim ",
                ClientTools.ReadIfAny(daemon, "driver.err")
            );
    }

    /// <summary>A daemon with only [inet_http_server] (with credentials, or it stays closed); our ctl reaches it over TCP.</summary>
    private static Task<Infrastructure.Daemon> InetOnlyAsync(string port, string programs)
    {
        var directory = Directory.CreateTempSubdirectory("supervise-it-").FullName;
        var config = Path.Combine(directory, "supervisord.conf");
        var reachable = port.StartsWith("127.0.0.1:", StringComparison.Ordinal)
            ? port
            : "localhost:" + port.Split(':')[^1];
        File.WriteAllText(
            config,
            $"""
            [inet_http_server]
            port={port}
            username=user
            password=123

            [supervisord]
            logfile={directory}/supervisord.log
            pidfile={directory}/supervisord.pid

            [supervisorctl]
            serverurl=http://{reachable}
            username=user
            password=123

            """
                + programs
                    .Replace("{W}", directory, StringComparison.Ordinal)
                    .Replace("{CHILD}", Binaries.TestChild, StringComparison.Ordinal)
        );
        // There is no socket file to wait for: the config file stands in, so StartAsync waits on `ctl pid` alone.
        return Infrastructure.Daemon.ForConfig(directory, config, config).StartAsync();
    }

    private static async Task<string> UrlSeenAsync(Infrastructure.Daemon daemon, string program)
    {
        var log = program + ".log";
        await Eventually.UntilAsync(
            () => ClientTools.ReadIfAny(daemon, log).Contains('\n', StringComparison.Ordinal),
            $"{program} printed its SUPERVISOR_SERVER_URL",
            TimeSpan.FromSeconds(15)
        );
        return ClientTools.ReadIfAny(daemon, log).TrimEnd('\n')["SUPERVISOR_SERVER_URL=".Length..];
    }
}
