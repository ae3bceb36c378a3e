namespace Supervise.Samples.Tests.Beat;

public sealed class BeatSpecs
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_cron_entry_and_an_interval_entry_fire_at_their_own_times()
    {
        using var harness = new BeatHarness(
            BeatHarness.Cron("cron27", "*/27 * * * *"),
            BeatHarness.Every("every27", TimeSpan.FromMinutes(27))
        );
        var fired = harness.RunFor(harness.Start(), TimeSpan.FromHours(2), OneMinute);

        Times(fired, "cron27").Should().Equal("10:27", "10:54", "11:00", "11:27", "11:54", "12:00");
        Times(fired, "every27").Should().Equal("10:00", "10:27", "10:54", "11:21", "11:48");
        harness.EnqueuedJobs.Should().Be(fired.Count, "each firing enqueues the entry's one job");
    }

    [Fact]
    public void A_restarted_beat_does_not_fire_again_what_already_fired()
    {
        using var harness = new BeatHarness(
            BeatHarness.Every("read_feeds", TimeSpan.FromMinutes(10)),
            BeatHarness.Cron("hourly", "0 * * * *")
        );
        var first = harness.Start();
        harness.RunFor(first, TimeSpan.FromMinutes(2), OneMinute).Should().ContainSingle();

        var restarted = harness.Start();

        restarted.RunDue().Should().BeEmpty();
        restarted.DueOf("read_feeds").Should().Be(new DateTimeOffset(2025, 11, 24, 10, 10, 0, TimeSpan.Zero));
        Times(harness.RunFor(restarted, TimeSpan.FromMinutes(30), OneMinute), "read_feeds")
            .Should()
            .Equal("10:10", "10:20", "10:30");
    }

    [Fact]
    public void Runs_missed_while_the_beat_was_down_fire_once_at_start()
    {
        using var harness = new BeatHarness(
            BeatHarness.Every("read_feeds", TimeSpan.FromMinutes(10)),
            BeatHarness.Cron("hourly", "0 * * * *")
        );
        var first = harness.Start();
        harness.Time.Advance(TimeSpan.FromHours(1));
        first.RunDue().Should().BeEquivalentTo("read_feeds", "hourly");

        // Down from 11:00 to 13:30: read_feeds missed 14 runs and hourly missed two.
        harness.Time.Advance(TimeSpan.FromMinutes(150));
        var restarted = harness.Start();

        restarted.RunDue().Should().BeEquivalentTo("read_feeds", "hourly");
        restarted.RunDue().Should().BeEmpty("missed runs collapse into one");
        restarted.DueOf("read_feeds").Should().Be(new DateTimeOffset(2025, 11, 24, 13, 40, 0, TimeSpan.Zero));
        restarted.DueOf("hourly").Should().Be(new DateTimeOffset(2025, 11, 24, 14, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_cron_entry_that_never_ran_waits_for_its_next_slot_while_an_interval_fires_at_once()
    {
        using var harness = new BeatHarness(
            BeatHarness.Cron("hourly", "0 * * * *"),
            BeatHarness.Every("read_feeds", TimeSpan.FromMinutes(10))
        );
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var beat = harness.Start();

        beat.RunDue().Should().Equal("read_feeds");
        beat.DueOf("hourly").Should().Be(new DateTimeOffset(2025, 11, 24, 11, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void An_interval_that_fires_late_by_less_than_its_period_keeps_its_cadence()
    {
        using var harness = new BeatHarness(BeatHarness.Every("read_feeds", TimeSpan.FromSeconds(5)));
        var beat = harness.Start();
        beat.RunDue();

        harness.Time.Advance(TimeSpan.FromMilliseconds(5_040));
        beat.RunDue().Should().Equal("read_feeds");

        beat.DueOf("read_feeds").Should().Be(new DateTimeOffset(2025, 11, 24, 10, 0, 10, TimeSpan.Zero));
    }

    private static List<string> Times(List<(string Entry, DateTimeOffset At)> fired, string entry) =>
        fired.Where(f => f.Entry == entry).Select(f => f.At.ToString("HH:mm")).ToList();
}
