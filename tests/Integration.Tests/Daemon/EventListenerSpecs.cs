using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Daemon;

/// <summary>[eventlistener:x] pools speaking Supervisor's protocol (reference §5.3) with real listener processes.</summary>
public sealed class EventListenerSpecs
{
    [Fact]
    public async Task A_listener_receives_process_state_events_with_supervisors_header_and_payload()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:worker]
                command={CHILD} hang
                startsecs=0

                [eventlistener:audit]
                command=/bin/bash -c 'printf "READY\n";while read -r header;do len=${header##*len:};payload=$(head -c "$len");echo "$header|$payload" >> {W}/events.txt;printf "RESULT 2\nOKREADY\n";done'
                events=PROCESS_STATE_STOPPED,PROCESS_STATE_RUNNING
                """,
                supervisordExtra: "identifier=it"
            )
            .StartAsync();
        await daemon.WaitForStateAsync("worker", "RUNNING");
        await daemon.WaitForStateAsync("audit", "RUNNING");

        var pid = (await daemon.CtlAsync("pid", "worker")).Output.Trim();
        (await daemon.CtlAsync("stop", "worker")).Output.Trim().Should().Be("worker: stopped");

        var events = Path.Combine(daemon.Directory, "events.txt");
        await Eventually.UntilAsync(
            () =>
                File.Exists(events)
                && File.ReadAllText(events).Contains("PROCESS_STATE_STOPPED", StringComparison.Ordinal),
            "the listener got the STOPPED event"
        );
        var stopped = File.ReadAllLines(events)
            .Single(l => l.Contains("eventname:PROCESS_STATE_STOPPED", StringComparison.Ordinal));
        stopped
            .Should()
            .MatchRegex(
                @"^ver:3\.0 server:it serial:\d+ pool:audit poolserial:\d+ eventname:PROCESS_STATE_STOPPED len:\d+\|"
            );
        stopped.Should().EndWith($"|processname:worker groupname:worker from_state:STOPPING pid:{pid}");
        File.ReadAllText(events)
            .Should()
            .Contain(
                "eventname:PROCESS_STATE_RUNNING",
                "the RUNNING events were buffered until the listener was ready"
            );
    }

    [Fact]
    public async Task A_listener_can_shut_the_daemon_down_when_a_program_stops()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig(
            """
            [program:nginx]
            command={CHILD} hang
            startsecs=0
            autorestart=false

            [eventlistener:quit_on_failure]
            events=PROCESS_STATE_STOPPED,PROCESS_STATE_EXITED,PROCESS_STATE_FATAL
            command=/bin/bash -c 'printf "READY\n";while read line;do kill $PPID;done'
            """
        );
        await daemon.StartAsync();
        await daemon.WaitForStateAsync("quit_on_failure", "RUNNING");

        await daemon.CtlAsync("stop", "nginx");

        (await daemon.WaitForExitAsync()).Should().Be(0);
        File.Exists(daemon.SocketPath).Should().BeFalse();
    }

    [Fact]
    public async Task A_tick_5_listener_gets_ticks_on_five_second_boundaries()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [eventlistener:ticks]
                command=/bin/bash -c 'printf "READY\n";while read -r header;do len=${header##*len:};payload=$(head -c "$len");echo "$payload" >> {W}/ticks.txt;printf "RESULT 2\nOKREADY\n";done'
                events=TICK_5
                """
            )
            .StartAsync();

        var ticks = Path.Combine(daemon.Directory, "ticks.txt");
        await Eventually.UntilAsync(
            () => File.Exists(ticks) && File.ReadAllLines(ticks).Length >= 2,
            "two ticks arrived",
            TimeSpan.FromSeconds(15)
        );

        var whens = File.ReadAllLines(ticks)
            .Take(2)
            .Select(l => long.Parse(l["when:".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        whens.Should().AllSatisfy(w => (w % 5).Should().Be(0));
        (whens[1] - whens[0]).Should().Be(5);
    }

    [ToolFact(PythonCtl.Path)]
    public async Task Pythons_childutils_listener_reads_a_non_ascii_payload_without_losing_sync()
    {
        var daemon = Infrastructure.Daemon.WithConfig(
            """
            [eventlistener:py]
            command=/usr/bin/python3 {W}/listener.py {W}/seen.txt
            events=REMOTE_COMMUNICATION
            """
        );
        await using var _ = daemon;
        File.WriteAllText(
            Path.Combine(daemon.Directory, "listener.py"),
            """
            import sys
            from supervisor import childutils
            while True:
                headers, payload = childutils.listener.wait(sys.stdin, sys.stdout)
                with open(sys.argv[1], 'a', encoding='utf-8') as seen:
                    seen.write(headers['len'] + '|' + payload.replace('\n', '\\n') + '\n')
                childutils.listener.ok(sys.stdout)
            """
        );
        await daemon.StartAsync();
        await daemon.WaitForStateAsync("py", "RUNNING");

        await SendRemoteCommAsync(daemon, "greeting", "grüße € 😀");
        await SendRemoteCommAsync(daemon, "next", "after");

        var seen = Path.Combine(daemon.Directory, "seen.txt");
        await Eventually.UntilAsync(
            () => File.Exists(seen) && File.ReadAllLines(seen).Length >= 2,
            "the listener acknowledged both events",
            TimeSpan.FromSeconds(10)
        );
        File.ReadAllLines(seen).Should().Equal("23|type:greeting\\ngrüße € 😀", "15|type:next\\nafter");
    }

    /// <summary>supervisor.sendRemoteCommEvent over XML-RPC on the Unix socket, with Python's own transport.</summary>
    private static async Task SendRemoteCommAsync(Infrastructure.Daemon daemon, string type, string data)
    {
        var script = $"""
            import sys, xmlrpc.client
            from supervisor.xmlrpc import SupervisorTransport
            proxy = xmlrpc.client.ServerProxy('http://127.0.0.1', transport=SupervisorTransport(None, None, 'unix://{daemon.SocketPath}'))
            proxy.supervisor.sendRemoteCommEvent(sys.argv[1], sys.argv[2])
            """;
        var result = await Cli.Wrap("/usr/bin/python3")
            .WithArguments(["-c", script, type, data])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        result.ExitCode.Should().Be(0, result.StandardError);
    }
}
