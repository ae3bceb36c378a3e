namespace Supervise.Faults;

/// <summary>
/// rm -rf of the child log directory while programs run. Issue 15 measured every later line lost, silently; now the
/// directory and files come back by themselves (no SIGUSR2) with every line written after the removal.
/// </summary>
public sealed class LogDirectorySpecs
{
    private const string Config = """
        [program:ticker]
        command=/bin/sh -c 'i=1; while [ ! -e {W}/stop ]; do echo "tick $i"; i=$((i+1)); sleep 0.05; done; exec sleep 100000'
        stdout_logfile={W}/childlogs/ticker.log
        startsecs=0

        [program:idle]
        command={CHILD} hang
        stdout_logfile={W}/childlogs/idle.log
        startsecs=0
        """;

    [FaultFact(tools: "/bin/sh")]
    public async Task Lines_written_after_the_log_directory_was_removed_are_all_in_the_recreated_file()
    {
        await using var daemon = await Daemon.WithConfig(Config).StartAsync();
        var logs = Path.Combine(daemon.Directory, "childlogs");
        var ticker = Path.Combine(logs, "ticker.log");
        await Eventually.UntilAsync(() => LogLines.Numbers(ticker, "tick ").Count >= 5);

        var seenBefore = LogLines.Numbers(ticker, "tick ").Max();
        Directory.Delete(logs, recursive: true);

        await Eventually.UntilAsync(
            () => LogLines.Numbers(ticker, "tick ").Count >= 40,
            "the directory and the file are recreated and keep filling",
            TimeSpan.FromSeconds(30)
        );
        File.WriteAllText(Path.Combine(daemon.Directory, "stop"), "");
        var after = LogLines.Numbers(ticker, "tick ");
        after[0]
            .Should()
            .BeLessThanOrEqualTo(seenBefore + 10, "only lines written between the look and the rm may be gone with it");
        after.Should().Equal(Enumerable.Range(after[0], after.Count), "no line after the removal is lost");
        await Eventually.UntilAsync(() =>
            LogLines.CountMainLog(daemon, $"log file {ticker} is written again", ticker) > 0
        );
        LogLines.CountMainLog(daemon, "could not write to log file", ticker).Should().Be(1);
        LogLines.CountMainLog(daemon, $"log file {ticker} is written again", ticker).Should().Be(1);
    }

    [FaultFact]
    public async Task Tail_of_a_removed_log_says_no_log_file_and_a_restart_writes_into_a_recreated_one()
    {
        await using var daemon = await Daemon.WithConfig(Config).StartAsync();
        await daemon.WaitForStateAsync("idle", "RUNNING");
        Directory.Delete(Path.Combine(daemon.Directory, "childlogs"), recursive: true);

        var tail = await daemon.CtlAsync("tail", "idle");

        (tail.ExitCode, tail.Output.Trim()).Should().Be((1, "idle: ERROR (no log file)"), "as Supervisor answers");

        var restart = await daemon.CtlAsync("restart", "idle");
        restart
            .Output.Should()
            .Contain("idle: started", "the spawn recreates the directory rather than fail (docs/compatibility.md)");
        File.Exists(Path.Combine(daemon.Directory, "childlogs", "idle.log")).Should().BeTrue();
        (await daemon.CtlAsync("tail", "idle")).ExitCode.Should().Be(0);
    }
}
