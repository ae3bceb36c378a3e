using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

public sealed class ChildLogSpecs
{
    [Fact]
    public async Task A_flood_is_rotated_at_exact_byte_counts_and_no_byte_is_lost()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:flood]
                command={CHILD} flood:1000000 hang
                startsecs=0
                stdout_logfile={W}/flood.log
                stdout_logfile_maxbytes=300000
                stdout_logfile_backups=5
                """
            )
            .StartAsync();
        var path = Path.Combine(daemon.Directory, "flood.log");

        await Eventually.UntilAsync(
            () => Enumerable.Range(0, 4).Sum(i => Size(i == 0 ? path : $"{path}.{i}")) == 1_000_000,
            "all bytes are in the log files",
            TimeSpan.FromSeconds(20)
        );

        Size(path + ".3").Should().Be(300_000);
        Size(path + ".2").Should().Be(300_000);
        Size(path + ".1").Should().Be(300_000);
        Size(path).Should().Be(100_000);
    }

    [Fact]
    public async Task Binary_output_and_a_line_without_newline_arrive_byte_for_byte()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:raw]
                command={CHILD} binary:5120 noline:300000 close-stdout hang
                startsecs=0
                stdout_logfile={W}/raw.log
                stdout_logfile_maxbytes=0
                """
            )
            .StartAsync();
        var path = Path.Combine(daemon.Directory, "raw.log");

        await Eventually.UntilAsync(() => Size(path) == 305_120, "all bytes are logged", TimeSpan.FromSeconds(20));

        var bytes = File.ReadAllBytes(path);
        bytes.Take(5120).Select((b, i) => b == (byte)(i % 256)).Should().AllBeEquivalentTo(true);
        bytes.Skip(5120).Should().OnlyContain(b => b == (byte)'y');
    }

    [Fact]
    public async Task Tail_shows_the_end_of_the_auto_log()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:talk]
                command=/bin/bash -c 'for i in $(seq 1 3000); do echo "line $i of output"; done; echo oops >&2; exec sleep 600'
                startsecs=0
                """
            )
            .StartAsync();
        await Eventually.UntilAsync(
            async () =>
                (await daemon.CtlAsync("tail", "talk")).Output.Contains(
                    "line 3000 of output",
                    StringComparison.Ordinal
                ),
            "the output is logged"
        );

        (await daemon.CtlAsync("tail", "talk", "stderr")).Output.Should().Be("oops\n\n");
        (await daemon.CtlAsync("tail", "-16", "talk")).Output.Should().Be(" 3000 of output\n\n");
    }

    [Fact]
    public async Task Tail_works_from_memory_when_the_log_file_is_none()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:quiet]
                command={CHILD} print:first print:second hang
                startsecs=0
                stdout_logfile=NONE
                """
            )
            .StartAsync();

        await Eventually.UntilAsync(
            async () => (await daemon.CtlAsync("tail", "quiet")).Output == "first\nsecond\n\n",
            "tail shows the output kept in memory"
        );

        (await daemon.CtlAsync("tail", "quiet", "stderr"))
            .Output.Should()
            .Be("\n", "stderr still has its (empty) AUTO log");
    }

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
