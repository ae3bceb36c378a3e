using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Events;

/// <summary>PROCESS_LOG_* (*_events_enabled) and capture mode's PROCESS_COMMUNICATION_* reaching real listeners.</summary>
public sealed class OutputEventSpecs
{
    [Fact]
    public async Task A_framed_message_from_a_capture_mode_program_reaches_a_listener_as_process_communication_stdout()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:talker]
                command=/bin/bash -c 'printf "before<!--XSUPERVISOR:BEGIN-->hello\nlistener<!--XSUPERVISOR:E";sleep 0.2;printf "ND-->after\n";exec sleep 1000'
                startsecs=0
                stdout_capture_maxbytes=1MB
                stdout_logfile={W}/talker.log
                autostart=false

                [eventlistener:comm]
                command=LISTENER
                events=PROCESS_COMMUNICATION
                """.Replace("LISTENER", Listeners.Recording("{W}/comm.txt"), StringComparison.Ordinal)
            )
            .StartAsync();
        await daemon.WaitForStateAsync("comm", "RUNNING");

        await daemon.CtlAsync("start", "talker");
        var pid = (await daemon.CtlAsync("pid", "talker")).Output.Trim();

        var comm = Path.Combine(daemon.Directory, "comm.txt");
        await Eventually.UntilAsync(
            () => File.Exists(comm) && File.ReadAllText(comm).Contains("listener", StringComparison.Ordinal),
            "the block reached the listener"
        );
        File.ReadAllText(comm)
            .Should()
            .MatchRegex(
                @"^ver:3\.0 server:\S+ serial:\d+ pool:comm poolserial:0 eventname:PROCESS_COMMUNICATION_STDOUT len:\d+\|"
            )
            .And.EndWith($"|processname:talker groupname:talker pid:{pid}\nhello\nlistener\n");
        await Eventually.UntilAsync(
            () => daemon.ReadFile("talker.log") == "beforeafter\n",
            "the log got the output outside the block, without the tokens"
        );
    }

    [Fact]
    public async Task A_process_log_flood_with_an_acking_listener_loses_no_byte_of_the_log()
    {
        const long size = 20_000_000;
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                $$"""
                [program:chatty]
                command={CHILD} flood:{{size}}
                startsecs=0
                autorestart=false
                autostart=false
                stdout_events_enabled=true
                stdout_logfile={W}/chatty.log
                stdout_logfile_maxbytes=0

                [eventlistener:logs]
                command=LISTENER
                events=PROCESS_LOG
                """.Replace("LISTENER", Listeners.Counting("{W}/count.txt"), StringComparison.Ordinal)
            )
            .StartAsync();
        await daemon.WaitForStateAsync("logs", "RUNNING");

        await daemon.CtlAsync("start", "chatty");

        await daemon.WaitForStateAsync("chatty", "EXITED", seconds: 60);
        var log = Path.Combine(daemon.Directory, "chatty.log");
        await Eventually.UntilAsync(
            () => new FileInfo(log).Length >= size,
            "the whole flood reached the log",
            TimeSpan.FromSeconds(30)
        );
        new FileInfo(log).Length.Should().Be(size);
        SameAsFlood(log).Should().BeTrue("the log holds the child's bytes in order");
        var count = Path.Combine(daemon.Directory, "count.txt");
        await Eventually.UntilAsync(
            () => File.Exists(count) && File.ReadAllLines(count).Length > 0,
            "the listener got PROCESS_LOG events"
        );
    }

    /// <summary>Compares a file with what TestChild's flood writes: 64 KiB blocks of 'x' with a newline at every 100th byte of a block.</summary>
    private static bool SameAsFlood(string path)
    {
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)'x');
        for (var i = 99; i < block.Length; i += 100)
        {
            block[i] = (byte)'\n';
        }
        using var file = File.OpenRead(path);
        var read = new byte[block.Length];
        int n;
        while ((n = file.ReadAtLeast(read, read.Length, throwOnEndOfStream: false)) > 0)
        {
            if (!read.AsSpan(0, n).SequenceEqual(block.AsSpan(0, n)))
            {
                return false;
            }
        }
        return true;
    }
}
