using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Dependencies;

/// <summary>depends_on= and ready= on the real daemon and ctl, with real listeners and sd_notify senders.</summary>
public sealed class DependencySpecs
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A db that listens on the port only once {W}/go exists.</summary>
    private static string Db(int port) =>
        $$"""
            [program:db]
            command=/bin/sh -c 'while [ ! -e {W}/go ]; do sleep 0.05; done; exec python3 -m http.server {{port}} --bind 127.0.0.1'
            ready=tcp://127.0.0.1:{{port}}
            ready_interval=0.05
            stdout_logfile={W}/db.log
            redirect_stderr=true

            """;

    [ToolFact("python3")]
    public async Task A_web_that_depends_on_db_is_not_spawned_until_the_db_listens()
    {
        var port = FreePort();
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                Db(port)
                    + """
                    [program:web]
                    command={CHILD} touch:{W}/web.spawned hang
                    depends_on=db
                    startsecs=0
                    """
            )
            .StartAsync();

        await Eventually.UntilAsync(
            async () => (await daemon.CtlAsync("status", "db")).Output.Contains("STARTING", StringComparison.Ordinal),
            "db is starting"
        );
        var web = await daemon.CtlAsync("status", "web");
        web.Output.Should().Be("web                              STARTING  waiting for db\n");
        var json = await daemon.CtlAsync("status", "--json", "web");
        json.Output.Should().Contain("\"ready\": false").And.Contain("\"depends_on\": [\n      \"db\"\n    ]");
        File.Exists(Path.Combine(daemon.Directory, "web.spawned")).Should().BeFalse();

        await File.WriteAllTextAsync(Path.Combine(daemon.Directory, "go"), "");

        await daemon.WaitForStateAsync("web", "RUNNING");
        File.Exists(Path.Combine(daemon.Directory, "web.spawned")).Should().BeTrue();
        var log = MainLog.Read(daemon).Select(l => l.Message).ToList();
        log.FindIndex(m => m == "success: db entered RUNNING state, ready (tcp://127.0.0.1:" + port + ")")
            .Should()
            .BeGreaterThanOrEqualTo(0)
            .And.BeLessThan(log.FindIndex(m => m.StartsWith("spawned: 'web'", StringComparison.Ordinal)));
    }

    [ToolFact("python3")]
    public async Task Stopping_db_stops_the_web_that_depends_on_it_first_and_restarting_db_brings_web_back()
    {
        var port = FreePort();
        await using var daemon = Infrastructure.Daemon.WithConfig(
            Db(port)
                + """
                [program:web]
                command={CHILD} hang
                depends_on=db
                startsecs=0
                """
        );
        File.WriteAllText(Path.Combine(daemon.Directory, "go"), "");
        await daemon.StartAsync();
        await daemon.WaitForStateAsync("web", "RUNNING");

        var stop = await daemon.CtlAsync("stop", "db");

        stop.Output.Should().Be("db: stopped\n");
        (await daemon.StateOfAsync("web")).Should().Be("STOPPED");
        var log = MainLog.Read(daemon).Select(l => l.Message).ToList();
        log.FindIndex(m => m.StartsWith("stopped: web", StringComparison.Ordinal))
            .Should()
            .BeGreaterThanOrEqualTo(0)
            .And.BeLessThan(log.FindIndex(m => m.StartsWith("killing db", StringComparison.Ordinal)));

        (await daemon.CtlAsync("start", "web")).Output.Should().Be("web: started\n");
        (await daemon.StateOfAsync("db")).Should().Be("RUNNING", "starting web started its dependency first");

        (await daemon.CtlAsync("restart", "db")).Output.Should().Be("db: stopped\ndb: started\n");
        await daemon.WaitForStateAsync("web", "RUNNING");
    }

    [ToolFact("systemd-notify")]
    public Task A_notify_child_is_running_only_after_systemd_notify_ready() =>
        NotifyChildAsync("systemd-notify --ready --status=serving");

    [ToolFact("python3")]
    public Task A_notify_child_is_running_only_after_a_ready_datagram_from_python() =>
        NotifyChildAsync("python3 {W}/notify.py");

    private static async Task NotifyChildAsync(string sender)
    {
        await using var daemon = Infrastructure.Daemon.WithConfig(
            $$"""
            [program:svc]
            command=/bin/sh -c 'while [ ! -e {W}/go ]; do sleep 0.05; done; {{sender}}; exec sleep 600'
            ready=notify
            stdout_logfile={W}/svc.log
            redirect_stderr=true
            """
        );
        File.WriteAllText(
            Path.Combine(daemon.Directory, "notify.py"),
            """
            import os, socket
            address = os.environ["NOTIFY_SOCKET"]
            address = "\0" + address[1:] if address.startswith("@") else address
            socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b"READY=1\nSTATUS=serving\n", address)
            """
        );
        await daemon.StartAsync();
        await Eventually.UntilAsync(
            async () => (await daemon.CtlAsync("status", "svc")).Output.Contains("STARTING", StringComparison.Ordinal),
            "svc is starting"
        );
        // startsecs (1 s) passes: without READY=1 it stays STARTING.
        await Task.WhenAny(daemon.WaitForStateAsync("svc", "RUNNING", 2));
        (await daemon.StateOfAsync("svc")).Should().Be("STARTING");

        await File.WriteAllTextAsync(Path.Combine(daemon.Directory, "go"), "");

        await daemon.WaitForStateAsync("svc", "RUNNING");
        (await daemon.CtlAsync("status", "svc"))
            .Output.Should()
            .MatchRegex(@"^svc +RUNNING +pid \d+, uptime \d:\d\d:\d\d, serving\n$");
    }

    [Fact]
    public async Task A_cycle_is_refused_at_check_with_every_member_named()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig(
            """
            [program:a]
            command=/bin/sleep 1
            depends_on=c

            [program:b]
            command=/bin/sleep 1
            depends_on=a

            [program:c]
            command=/bin/sleep 1
            depends_on=b
            """
        );
        var info = new ProcessStartInfo(Binaries.Supervisord)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", daemon.ConfigPath, "--check" })
        {
            info.ArgumentList.Add(argument);
        }
        using var check = Process.Start(info)!;
        var output = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();

        check.ExitCode.Should().Be(2);
        output.Should().Contain("[program:a] depends_on: dependency cycle: a -> c -> b -> a");
    }

    [ToolFact("python3")]
    public async Task The_daemon_notifies_systemd_once_every_autostart_program_is_ready()
    {
        var port = FreePort();
        var daemon = Infrastructure.Daemon.WithConfig(
            Db(port)
                + """
                [program:web]
                command={CHILD} hang
                depends_on=db
                startsecs=0
                """
        );
        await using var _ = daemon;
        var socketPath = Path.Combine(daemon.Directory, "notify.sock");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(socketPath));
        daemon.Environment["NOTIFY_SOCKET"] = socketPath;
        await daemon.StartAsync();
        var buffer = new byte[4096];
        var received = systemd.ReceiveAsync(buffer, SocketFlags.None);

        await Eventually.UntilAsync(
            async () =>
                (await daemon.CtlAsync("status", "web")).Output.Contains("waiting for db", StringComparison.Ordinal),
            "web waits for db"
        );
        received.IsCompleted.Should().BeFalse("nothing is ready yet");
        await File.WriteAllTextAsync(Path.Combine(daemon.Directory, "go"), "");

        var length = await received.WaitAsync(TimeSpan.FromSeconds(20));
        var message = Encoding.UTF8.GetString(buffer, 0, length);
        message.Should().StartWith("READY=1\nSTATUS=2 of 2 autostart processes running\nMAINPID=" + daemon.Pid);
        (await daemon.StateOfAsync("web")).Should().Be("RUNNING");
        (await daemon.CtlAsync("status", "--json", "web")).Output.Should().Contain("\"ready\": true");
    }

    [ToolFact("python3")]
    public async Task A_dependency_that_never_gets_ready_fails_to_start_at_its_deadline()
    {
        var port = FreePort();
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                $$"""
                [program:db]
                command=/bin/sleep 600
                ready=tcp://127.0.0.1:{{port}}
                ready_interval=0.05
                ready_deadline=0.5
                startretries=0

                [program:web]
                command=/bin/sleep 600
                depends_on=db
                """
            )
            .StartAsync();

        await daemon.WaitForStateAsync("db", "FATAL");
        await daemon.WaitForStateAsync("web", "FATAL");
        (await daemon.CtlAsync("status"))
            .Output.Should()
            .Be(
                $"db                               FATAL     not ready within 0.5s (tcp://127.0.0.1:{port})\n"
                    + "web                              FATAL     dependency db is FATAL\n"
            );
    }
}
