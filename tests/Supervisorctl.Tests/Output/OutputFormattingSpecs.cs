using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Output;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Output;

public sealed class OutputFormattingSpecs
{
    [Theory]
    [InlineData(0, "0:00:00")]
    [InlineData(12, "0:00:12")]
    [InlineData(3_723, "1:02:03")]
    [InlineData(86_400 + 7_384, "1 day, 2:03:04")]
    [InlineData(3 * 86_400 + 1, "3 days, 0:00:01")]
    [InlineData(-5, "0:00:00")]
    public void Uptime_reads_as_pythons_timedelta(long seconds, string expected)
    {
        ProcessDescription.Uptime(seconds).Should().Be(expected);
    }

    [Fact]
    public void Descriptions_the_daemon_left_empty_are_supervisors()
    {
        var zone = TimeZoneInfo.Utc;
        var stopAt = new DateTimeOffset(2025, 11, 23, 19, 2, 0, TimeSpan.Zero).ToUnixTimeSeconds();

        ProcessDescription
            .Of(
                new ProcessInfo
                {
                    State = ProcessState.Running,
                    Pid = 9,
                    Start = 100,
                    Now = 90_100,
                },
                zone
            )
            .Should()
            .Be("pid 9, uptime 1 day, 1:00:00");
        ProcessDescription
            .Of(new ProcessInfo { State = ProcessState.Fatal, Name = "x" }, zone)
            .Should()
            .Be("unknown error (try \"tail x\")");
        ProcessDescription
            .Of(new ProcessInfo { State = ProcessState.Backoff, Spawnerr = "can't find command '/x'" }, zone)
            .Should()
            .Be("can't find command '/x'");
        ProcessDescription
            .Of(
                new ProcessInfo
                {
                    State = ProcessState.Exited,
                    Start = 1,
                    Stop = stopAt,
                },
                zone
            )
            .Should()
            .Be("Nov 23 07:02 PM");
        ProcessDescription.Of(new ProcessInfo { State = ProcessState.Stopped }, zone).Should().Be("Not started");
        ProcessDescription.Of(new ProcessInfo { State = ProcessState.Stopping }, zone).Should().BeEmpty();
    }

    [Fact]
    public void Status_lines_keep_trailing_spaces_for_an_empty_description_and_fill_it_in_when_missing()
    {
        var lines = StatusFormatter
            .Lines(
                [
                    Info.InState("s", ProcessState.Stopping, "STOPPING"),
                    new ProcessInfo
                    {
                        Name = "r",
                        Group = "g",
                        State = ProcessState.Running,
                        Pid = 3,
                        Start = 10,
                        Now = 15,
                    },
                ],
                TimeZoneInfo.Utc
            )
            .ToList();

        lines
            .Should()
            .Equal(
                "s                                STOPPING  ",
                "g:r                              RUNNING   pid 3, uptime 0:00:05"
            );
    }

    [Fact]
    public void Columns_fill_downwards_within_the_width()
    {
        Columns.Layout(["a", "bb", "ccc", "d"], 7).Should().Equal("a   ccc", "bb  d  ");
        Columns.Layout(["only"], 79).Should().Equal("only");
        Columns.Layout([], 79).Should().Equal("<empty>");
    }
}
