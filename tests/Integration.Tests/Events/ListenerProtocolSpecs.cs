using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Events;

/// <summary>Pool semantics with real listener processes: rejection, protocol violations and overflow (reference §5.2–5.3).</summary>
public sealed class ListenerProtocolSpecs
{
    [Fact]
    public async Task A_listener_that_answers_fail_gets_the_same_event_again()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:worker]
                command={CHILD} hang
                startsecs=0

                [eventlistener:audit]
                command=LISTENER
                events=PROCESS_STATE_RUNNING
                """.Replace("LISTENER", Listeners.FailingOnce("{W}/headers.txt"), StringComparison.Ordinal)
            )
            .StartAsync();

        var headers = Path.Combine(daemon.Directory, "headers.txt");
        await Eventually.UntilAsync(
            () => File.Exists(headers) && File.ReadAllLines(headers).Length >= 2,
            "the listener got a second envelope"
        );

        var lines = File.ReadAllLines(headers);
        lines[1].Should().Be(lines[0], "a rejected event goes back to the head of the buffer with its serials");
        MainLog.Read(daemon).Should().Contain(l => l.Level == "WARN" && l.Message == "audit: event was rejected");
    }

    [Fact]
    public async Task A_listener_that_writes_junk_enters_unknown_with_supervisors_warning()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [eventlistener:junk]
                command=/bin/bash -c 'echo "this is not READY";exec sleep 1000'
                events=PROCESS_STATE
                """
            )
            .StartAsync();

        await Eventually.UntilAsync(
            () =>
                MainLog
                    .Read(daemon)
                    .Any(l => l.Message.StartsWith("junk: has entered the UNKNOWN state", StringComparison.Ordinal)),
            "the pool noticed the protocol violation"
        );

        MainLog
            .Read(daemon)
            .Should()
            .Contain(l =>
                l.Level == "WARN"
                && l.Message
                    == "junk: has entered the UNKNOWN state and will no longer receive events, this usually indicates the process violated the eventlistener protocol"
            );
    }

    [Fact]
    public async Task An_overflowing_buffer_discards_the_oldest_event_with_supervisors_log_line()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:worker]
                command={CHILD} hang
                startsecs=0

                [eventlistener:deaf]
                command=/bin/sleep 1000
                events=PROCESS_STATE
                buffer_size=2
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("worker", "RUNNING");
        await daemon.WaitForStateAsync("deaf", "RUNNING");

        await daemon.CtlAsync("stop", "worker");

        await Eventually.UntilAsync(() => Overflows(daemon).Count >= 2, "two events overflowed");
        Overflows(daemon)
            .Take(2)
            .Should()
            .Equal(
                ("ERRO", "pool deaf event buffer overflowed, discarding event 0"),
                ("ERRO", "pool deaf event buffer overflowed, discarding event 1")
            );
    }

    private static List<(string Level, string Message)> Overflows(Infrastructure.Daemon daemon) =>
        [
            .. MainLog
                .Read(daemon)
                .Where(l => l.Message.StartsWith("pool deaf event buffer overflowed", StringComparison.Ordinal))
                .Select(l => (l.Level, l.Message)),
        ];
}
