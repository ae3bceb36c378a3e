using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

/// <summary>Log failures hold the output, report once per change, and lose nothing that fits the hold buffer.</summary>
public sealed class ChannelLogHealthSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-health-").FullName;

    [Fact]
    public void Bytes_that_reach_the_file_are_counted_as_written()
    {
        using var log = new ChannelLog(Path.Combine(_directory, "ok.log"), maxBytes: 0, backups: 0);
        log.EnsureOpen();

        log.Write("hello\n"u8);
        log.Write("world\n"u8);

        log.BytesWritten.Should().Be(12);
        log.BytesDropped.Should().Be(0);
        log.TakeChange().Should().Be(LogFileChange.None);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_holds_bytes_and_reports_the_failure_once_then_the_recovery_once()
    {
        var folder = Path.Combine(_directory, "gone");
        Directory.CreateDirectory(folder);
        using var log = new ChannelLog(Path.Combine(folder, "x.log"), maxBytes: 0, backups: 0);
        log.EnsureOpen().Should().BeTrue();
        Directory.Delete(folder, recursive: true);
        File.WriteAllText(folder, "a file where the directory was: no retry can recreate it");
        log.File!.Reopen();

        log.Write("held\n"u8);
        log.TakeChange().Should().Be(LogFileChange.Failed);
        log.Write("held too\n"u8);
        log.TakeChange().Should().Be(LogFileChange.None, "the failure was reported already");
        log.BytesHeld.Should().Be(14);
        log.BytesDropped.Should().Be(0);
        log.NeedsRetry.Should().BeTrue();

        File.Delete(folder);
        log.File.Retry().Should().BeFalse("the directory is recreated and the held bytes written out");
        log.Write("back\n"u8);

        log.TakeChange().Should().Be(LogFileChange.Recovered);
        log.TakeChange().Should().Be(LogFileChange.None);
        log.BytesDropped.Should().Be(0);
        File.ReadAllText(Path.Combine(folder, "x.log")).Should().Be("held\nheld too\nback\n");
    }

    [Fact]
    public void Past_the_hold_bound_the_oldest_bytes_are_dropped_counted_and_reported_once()
    {
        var folder = Path.Combine(_directory, "blocked");
        File.WriteAllText(folder, "not a directory");
        using var log = new ChannelLog(Path.Combine(folder, "x.log"), maxBytes: 0, backups: 0);
        log.EnsureOpen().Should().BeFalse("the file cannot be opened: a spawn error");
        var chunk = new byte[1 << 20];

        for (var i = 0; i < 6; i++)
        {
            log.Write(chunk);
        }

        log.TakeChange().Should().Be(LogFileChange.Failed);
        log.TakeChange().Should().Be(LogFileChange.Overflowing);
        log.TakeChange().Should().Be(LogFileChange.None);
        log.BytesHeld.Should().Be(RotatingLogFile.DefaultHoldBytes);
        log.BytesDropped.Should().Be((6 << 20) - RotatingLogFile.DefaultHoldBytes);
        log.File!.EpisodeDroppedBytes.Should().Be(log.BytesDropped);
    }

    [Fact]
    public void A_reopen_recreates_a_missing_log_directory()
    {
        var folder = Path.Combine(_directory, "auto");
        Directory.CreateDirectory(folder);
        using var log = new ChannelLog(Path.Combine(folder, "x.log"), maxBytes: 0, backups: 0, auto: true);
        log.EnsureOpen();
        Directory.Delete(folder, recursive: true);

        log.Reopen();
        log.Write("kept\n"u8);

        File.ReadAllText(Path.Combine(folder, "x.log")).Should().Be("kept\n");
        File.GetUnixFileMode(folder)
            .Should()
            .Be(
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                "an AUTO log's directory is private, as its mkstemp files are"
            );
    }

    [Fact]
    public void A_file_that_cannot_be_opened_at_spawn_is_a_spawn_error()
    {
        using var log = new ChannelLog(Path.Combine(_directory, "never", "x.log"), maxBytes: 0, backups: 0);

        log.EnsureOpen().Should().BeFalse();
        log.File!.LastErrno.Should().Be("ENOENT");
    }

    [Fact]
    public void A_channel_without_a_file_counts_nothing()
    {
        using var log = new ChannelLog(null, 0, 0);

        log.Write("kept in memory\n"u8);

        (log.BytesWritten, log.BytesDropped).Should().Be((0L, 0L));
        log.TakeChange().Should().Be(LogFileChange.None);
    }

    [Fact]
    public void A_file_whose_directory_was_removed_is_recreated_with_the_bytes_written_since_the_last_look()
    {
        var folder = Path.Combine(_directory, "removed");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "x.log");
        using var log = new ChannelLog(path, maxBytes: 0, backups: 0);
        log.EnsureOpen();
        log.Write("before\n"u8);
        log.File!.DetectUnlinked();

        Directory.Delete(folder, recursive: true);
        log.Write("after one\n"u8);
        log.Write("after two\n"u8);
        log.File.DetectUnlinked();

        File.ReadAllText(path).Should().Be("after one\nafter two\n");
        log.BytesDropped.Should().Be(0);
        log.TakeChange()
            .Should()
            .Be(LogFileChange.Failed, "the removal is said even though the file was recreated at once");
        log.TakeChange().Should().Be(LogFileChange.Recovered);
        log.TakeChange().Should().Be(LogFileChange.None);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
