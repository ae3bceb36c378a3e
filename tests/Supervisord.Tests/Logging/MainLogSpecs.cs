using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class MainLogSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-mainlog-").FullName;

    [Fact]
    public void A_line_is_stamped_with_the_local_time_of_the_injected_clock_in_supervisors_format()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 18, 5, 44, 835, TimeSpan.Zero));
        time.SetLocalTimeZone(
            TimeZoneInfo.CreateCustomTimeZone("plus-one", TimeSpan.FromHours(1), "plus-one", "plus-one")
        );
        var settings = TestConfigs.Daemon(_directory);

        using (var log = new MainLog(settings, toStdout: false, time))
        {
            log.CreateLogger("supervisord").Log(LogLevel.Information, "spawned: 'x' with pid 29387");
        }

        File.ReadAllText(settings.Logfile).Should().Be("2026-11-23 19:05:44,835 INFO spawned: 'x' with pid 29387\n");
    }

    [Fact]
    public void The_main_log_file_counts_what_it_wrote()
    {
        var settings = TestConfigs.Daemon(_directory);
        using var log = new MainLog(settings, toStdout: false);

        log.Write(LogLevel.Warning, "x");

        log.File!.BytesWritten.Should().Be(new FileInfo(settings.Logfile).Length);
        log.File.BytesDropped.Should().Be(0);
    }

    [Fact]
    public void A_main_log_that_cannot_be_written_holds_its_lines_and_writes_them_with_its_own_failure_and_recovery()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var folder = Path.Combine(_directory, "logs");
        Directory.CreateDirectory(folder);
        var settings = TestConfigs.Daemon(_directory) with { Logfile = Path.Combine(folder, "supervisord.log") };
        using var log = new MainLog(settings, toStdout: false, time);
        Directory.Delete(folder, recursive: true);
        File.WriteAllText(folder, "a file where the directory was");
        log.Reopen();

        log.Write(LogLevel.Information, "first");
        log.Write(LogLevel.Information, "second");
        File.Delete(folder);
        time.Advance(TimeSpan.FromSeconds(1));
        log.Write(LogLevel.Information, "third");

        File.ReadAllLines(settings.Logfile)
            .Select(l => l[24..])
            .Should()
            .Equal(
                "INFO first",
                $"ERRO could not write to the main log {settings.Logfile}: "
                    + log.File!.File!.LastError
                    + $"; its lines are held in memory (up to {RotatingLogFile.DefaultHoldBytes} bytes)",
                "INFO second",
                "INFO third",
                $"WARN the main log {settings.Logfile} is written again; 0 bytes were dropped while it failed"
            );
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
