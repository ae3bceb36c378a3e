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
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("plus-one", TimeSpan.FromHours(1), "plus-one", "plus-one"));
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
