using Supervise.Samples.FeedBeat.Schedule;

namespace Supervise.Samples.Tests.Beat;

public sealed class ScheduleSpecs
{
    private static readonly DateTimeOffset TenOClock = new(2025, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cron_star_slash_27_fires_at_minutes_00_27_and_54_of_every_hour()
    {
        var cron = CronSchedule.Parse("*/27 * * * *", TimeZoneInfo.Utc);

        Successors(cron, TenOClock, 5)
            .Select(t => t.ToString("HH:mm"))
            .Should()
            .Equal("10:27", "10:54", "11:00", "11:27", "11:54");
    }

    [Fact]
    public void Every_27m_fires_every_27_minutes_across_hour_boundaries()
    {
        Durations.TryParse("27m", out var period).Should().BeTrue();
        var interval = new IntervalSchedule(period, "27m");

        Successors(interval, TenOClock, 5)
            .Select(t => t.ToString("HH:mm"))
            .Should()
            .Equal("10:27", "10:54", "11:21", "11:48", "12:15");
    }

    [Fact]
    public void A_six_field_cron_expression_has_a_seconds_field()
    {
        var cron = CronSchedule.Parse("*/10 * * * * *", TimeZoneInfo.Utc);

        cron.NextAfter(TenOClock.AddSeconds(3)).Should().Be(TenOClock.AddSeconds(10));
    }

    [Fact]
    public void Cron_follows_the_wall_clock_of_its_time_zone_across_daylight_saving_time()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var cron = CronSchedule.Parse("30 6 * * *", paris);

        cron.NextAfter(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero))
            .Should()
            .Be(new DateTimeOffset(2025, 7, 1, 4, 30, 0, TimeSpan.Zero));
        cron.NextAfter(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero))
            .Should()
            .Be(new DateTimeOffset(2025, 12, 1, 5, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("27m", 1_620_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("500ms", 500)]
    public void Durations_are_number_and_unit_pairs(string text, long milliseconds)
    {
        Durations.TryParse(text, out var duration).Should().BeTrue();
        duration.TotalMilliseconds.Should().Be(milliseconds);
    }

    [Theory]
    [InlineData("27")]
    [InlineData("27x")]
    [InlineData("0s")]
    [InlineData("m")]
    [InlineData("-5s")]
    [InlineData("5 s")]
    public void Durations_without_a_unit_or_not_positive_are_refused(string text) =>
        Durations.TryParse(text, out _).Should().BeFalse();

    private static IEnumerable<DateTimeOffset> Successors(ISchedule schedule, DateTimeOffset from, int count)
    {
        var at = from;
        for (var i = 0; i < count; i++)
        {
            at = schedule.NextAfter(at)!.Value;
            yield return at;
        }
    }
}
