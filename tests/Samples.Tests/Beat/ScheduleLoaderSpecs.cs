using Supervise.Samples.FeedBeat.Schedule;
using Supervise.Samples.FeedCore.Jobs;
using Supervise.Samples.Tests.Support;

namespace Supervise.Samples.Tests.Beat;

public sealed class ScheduleLoaderSpecs : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_shipped_demo_schedule_loads_with_feed_paths_resolved_against_its_folder()
    {
        var schedule = ScheduleLoader.Load(Path.Combine(Repo.Root, "samples", "schedule.toml"));

        schedule.Errors.Should().BeEmpty();
        schedule.Entries.Select(e => e.Name).Should().Equal("read_feeds", "publish_digest");
        schedule
            .Entries[0]
            .When.Should()
            .BeOfType<IntervalSchedule>()
            .Which.Period.Should()
            .Be(TimeSpan.FromSeconds(5));
        schedule.Entries[0].Jobs.Select(j => j.Feed).Should().Equal(Repo.ShippedFeeds.Select(Repo.Feed));
        schedule.Entries[1].Jobs.Should().Equal(new JobTemplate(JobKinds.PublishData, null));
    }

    [Fact]
    public void The_shipped_nightly_schedule_loads()
    {
        ScheduleLoader.Load(Path.Combine(Repo.Root, "samples", "nightly.toml")).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Every_bad_entry_is_refused_with_its_name_and_the_good_ones_are_not_blamed()
    {
        var schedule = Load(
            """
            [schedule.good]
            every = "27m"
            jobs = [{ kind = "publish_data" }]

            [schedule.bad_cron]
            cron = "*/61 * * * *"
            jobs = [{ kind = "publish_data" }]

            [schedule.bad_every]
            every = "27"
            jobs = [{ kind = "publish_data" }]

            [schedule.both]
            cron = "* * * * *"
            every = "1m"
            jobs = [{ kind = "publish_data" }]

            [schedule.unknown_kind]
            every = "1m"
            jobs = [{ kind = "send_mail" }]

            [schedule.no_feed]
            every = "1m"
            jobs = [{ kind = "read_data" }]

            [schedule.bad_zone]
            cron = "0 6 * * *"
            timezone = "Mars/Olympus"
            jobs = [{ kind = "publish_data" }]
            """
        );

        schedule.IsValid.Should().BeFalse();
        schedule.Entries.Should().BeEmpty("a schedule with errors is refused as a whole");
        schedule.Errors.Should().HaveCount(6);
        schedule
            .Errors.Should()
            .Contain(e => e.Contains("[schedule.bad_cron]: cron:"))
            .And.Contain(e => e.Contains("[schedule.bad_every]: every: \"27\" is not a positive duration"))
            .And.Contain(e => e.Contains("[schedule.both]: cron: give cron or every, not both"))
            .And.Contain(e => e.Contains("[schedule.unknown_kind]: jobs[0]: kind \"send_mail\""))
            .And.Contain(e => e.Contains("[schedule.no_feed]: jobs[0]: read_data needs feed"))
            .And.Contain(e => e.Contains("[schedule.bad_zone]: timezone: \"Mars/Olympus\""));
        schedule.Errors.Should().NotContain(e => e.Contains("[schedule.good]"));
    }

    [Fact]
    public void A_toml_syntax_error_is_reported_with_the_file_name()
    {
        var schedule = Load("[schedule.broken\nevery = 5s");

        schedule.Errors.Should().ContainSingle().Which.Should().StartWith("schedule.toml:");
    }

    [Fact]
    public async Task The_beat_exits_2_and_names_the_bad_entry_on_stderr()
    {
        File.WriteAllText(
            _temp["schedule.toml"],
            "[schedule.nightly]\ncron = \"0 25 * * *\"\njobs = [{ kind = \"publish_data\" }]\n"
        );
        using var beat = SampleProcess.Start(
            "FeedBeat",
            "--schedule",
            _temp["schedule.toml"],
            "--spool",
            _temp["spool"]
        );

        (await beat.WaitForExitAsync(TimeSpan.FromSeconds(15))).Should().Be(2);
        beat.Stderr.Should().Contain("[schedule.nightly]: cron: \"0 25 * * *\"").And.Contain("schedule refused");
    }

    private ScheduleFile Load(string toml)
    {
        File.WriteAllText(_temp["schedule.toml"], toml);
        return ScheduleLoader.Load(_temp["schedule.toml"]);
    }
}
