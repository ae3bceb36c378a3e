using System.Net;
using System.Net.Sockets;
using System.Text;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes.Readiness;

/// <summary>Probes and held starts on real children and real sockets, through the registry's planner.</summary>
public sealed class ReadinessEngineSpecs : IAsyncLifetime
{
    private readonly EngineFixture _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static ProcessConfig Probed(string name, ReadyProbe probe, string command = "/bin/sleep 30") =>
        TestConfigs.Program(name, command) with
        {
            StartSecs = 0,
            Readiness = ReadinessConfig.Default with
            {
                Probe = probe,
                Interval = TimeSpan.FromMilliseconds(20),
                Deadline = TimeSpan.FromSeconds(20),
            },
        };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_tcp_probe_keeps_the_process_starting_until_the_port_listens()
    {
        var port = FreePort();
        var process = _engine.Add(Probed("db", new ReadyProbe(ReadyKind.Tcp, $"127.0.0.1:{port}"))).Processes[0];

        await process.StartAsync();
        await Eventually.UntilAsync(() => process.Current.Pid > 0, "db was spawned");
        await Task.WhenAny(EngineFixture.WaitFor(process, ProcessState.Running, 1)); // a second in which it must not become ready
        process.Current.State.Should().Be(ProcessState.Starting, "nothing listens yet");

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        (await EngineFixture.WaitFor(process, ProcessState.Running)).State.Should().Be(ProcessState.Running);
    }

    [Fact]
    public async Task An_http_probe_needs_a_2xx_answer()
    {
        var port = FreePort();
        var process = _engine
            .Add(Probed("api", new ReadyProbe(ReadyKind.Http, $"http://127.0.0.1:{port}/health")))
            .Processes[0];
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var answers = new List<string>();
        var server = Task.Run(async () =>
        {
            for (var status = 503; ; status = 200)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                var request = new byte[4096];
                var read = await stream.ReadAsync(request);
                lock (answers)
                {
                    answers.Add(Encoding.ASCII.GetString(request, 0, read).Split("\r\n")[0]);
                }
                await stream.WriteAsync(
                    Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                );
                if (status == 200)
                {
                    return;
                }
            }
        });

        await process.StartAsync();

        await EngineFixture.WaitFor(process, ProcessState.Running);
        await server;
        answers.Should().HaveCountGreaterThanOrEqualTo(2).And.AllBe("GET /health HTTP/1.1");
    }

    [Fact]
    public async Task An_exec_probe_passes_when_its_command_exits_0()
    {
        var flag = Path.Combine(_engine.Directory, "ready.flag");
        var process = _engine.Add(Probed("job", new ReadyProbe(ReadyKind.Exec, $"/usr/bin/test -e {flag}"))).Processes[
            0
        ];

        await process.StartAsync();
        await Eventually.UntilAsync(() => process.Current.Pid > 0, "job was spawned");
        await Task.WhenAny(EngineFixture.WaitFor(process, ProcessState.Running, 1)); // a second in which it must not become ready
        process.Current.State.Should().Be(ProcessState.Starting, "the flag does not exist yet");

        await File.WriteAllTextAsync(flag, "");
        await EngineFixture.WaitFor(process, ProcessState.Running);
    }

    [Fact]
    public async Task A_notify_child_is_running_after_ready_and_its_status_text_shows_in_the_description()
    {
        var log = _engine.FileLog("notify.out");
        var process = _engine
            .Add(
                Probed(
                    "svc",
                    new ReadyProbe(ReadyKind.Notify, ""),
                    "/bin/sh -c 'echo $NOTIFY_SOCKET; exec sleep 30'"
                ) with
                {
                    Stdout = log,
                }
            )
            .Processes[0];

        await process.StartAsync();
        await Eventually.UntilAsync(
            () => File.Exists(log.Path!) && File.ReadAllText(log.Path!).EndsWith('\n'),
            "the child printed NOTIFY_SOCKET"
        );
        var socketName = File.ReadAllText(log.Path!).Trim();
        socketName.Should().StartWith("@supervise/");

        using var sender = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var endpoint = new UnixDomainSocketEndPoint("\0" + socketName[1..]);
        sender.SendTo("STATUS=loading caches\n"u8.ToArray(), endpoint);
        await Eventually.UntilAsync(
            () => process.Current.Describe(DateTimeOffset.UnixEpoch) == "loading caches",
            "the STATUS= text is the description"
        );
        process.Current.State.Should().Be(ProcessState.Starting);

        sender.SendTo("READY=1\nSTATUS=serving\n"u8.ToArray(), endpoint);
        var running = await EngineFixture.WaitFor(process, ProcessState.Running);
        running.Describe(running.LastStart!.Value).Should().Be($"pid {running.Pid}, uptime 0:00:00, serving");
    }

    [Fact]
    public async Task A_dependent_is_held_as_starting_waiting_for_its_dependency_and_spawns_once_it_is_ready()
    {
        var port = FreePort();
        var db = Probed("db", new ReadyProbe(ReadyKind.Tcp, $"127.0.0.1:{port}"));
        var web = TestConfigs.Program("web", "/bin/sleep 30") with
        {
            StartSecs = 0,
            Readiness = ReadinessConfig.Default with { DependsOn = new ValueList<string>(["db"]) },
        };
        var dbProcess = _engine.Add(db).Processes[0];
        var webProcess = _engine.Add(web).Processes[0];

        await _engine.Registry.AutostartAsync(_engine.Registry.Groups);

        webProcess.Current.State.Should().Be(ProcessState.Starting);
        webProcess.Current.Pid.Should().Be(0);
        webProcess.Current.Describe(DateTimeOffset.UnixEpoch).Should().Be("waiting for db");
        dbProcess.Current.Pid.Should().BePositive();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var running = await EngineFixture.WaitFor(webProcess, ProcessState.Running);
        running.Pid.Should().BePositive();
        dbProcess.Current.State.Should().Be(ProcessState.Running);
    }

    [Fact]
    public async Task A_dependent_whose_dependency_goes_fatal_becomes_fatal_naming_it()
    {
        var db = TestConfigs.Program("db", "/nonexistent/db") with { StartRetries = 0 };
        var web = TestConfigs.Program("web", "/bin/sleep 30") with
        {
            Readiness = ReadinessConfig.Default with { DependsOn = new ValueList<string>(["db"]) },
        };
        _engine.Add(db);
        var webProcess = _engine.Add(web).Processes[0];

        await _engine.Registry.AutostartAsync(_engine.Registry.Groups);

        var fatal = await EngineFixture.WaitFor(webProcess, ProcessState.Fatal);
        fatal.SpawnError.Should().Be("dependency db is FATAL");
        fatal.Pid.Should().Be(0);
    }
}
