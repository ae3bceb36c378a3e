using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

/// <summary>Log loss is counted and reported once per failure, not silent and not once per chunk.</summary>
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
    public void A_file_that_cannot_be_opened_drops_bytes_and_reports_the_failure_once_then_the_recovery_once()
    {
        var folder = Path.Combine(_directory, "gone");
        using var log = new ChannelLog(Path.Combine(folder, "x.log"), maxBytes: 0, backups: 0);
        log.EnsureOpen();

        log.Write("lost\n"u8);
        log.TakeChange().Should().Be(LogFileChange.Failed);
        log.Write("lost too\n"u8);
        log.TakeChange().Should().Be(LogFileChange.None, "the failure was reported already");
        log.BytesDropped.Should().Be(14);
        log.File!.LastError.Should().NotBeNullOrEmpty();

        Directory.CreateDirectory(folder);
        log.Write("back\n"u8);

        log.TakeChange().Should().Be(LogFileChange.Recovered);
        log.TakeChange().Should().Be(LogFileChange.None);
        log.BytesWritten.Should().Be(5);
        log.BytesDropped.Should().Be(14);
        File.ReadAllText(Path.Combine(folder, "x.log")).Should().Be("back\n");
    }

    [Fact]
    public void A_channel_without_a_file_counts_nothing()
    {
        using var log = new ChannelLog(null, 0, 0);

        log.Write("kept in memory\n"u8);

        (log.BytesWritten, log.BytesDropped).Should().Be((0L, 0L));
        log.TakeChange().Should().Be(LogFileChange.None);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
