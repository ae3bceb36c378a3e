using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;
using Supervise.Tests.Support;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class EventsCommandSpecs
{
    private static readonly EventMessage Running = new()
    {
        Type = "PROCESS_STATE_RUNNING",
        Serial = 7,
        TimeUnixMs = 1_700_000_000_000,
        Fields =
        {
            ["processname"] = "web",
            ["groupname"] = "web",
            ["from_state"] = "STARTING",
            ["pid"] = "42",
        },
    };

    private static readonly EventMessage Remote = new()
    {
        Type = "REMOTE_COMMUNICATION",
        Serial = -1,
        TimeUnixMs = 1_700_000_000_001,
        Fields = { ["type"] = "note" },
        Data = "grüße\nzwei \"Zeilen\"",
    };

    [Fact]
    public async Task Events_json_prints_one_json_object_a_line_until_ctrl_c()
    {
        var (output, exit, daemon) = await RunUntilAsync(
            ["events", "--json", "process_state", "REMOTE_COMMUNICATION"],
            "grüße"
        );

        output
            .Should()
            .Be(
                """{"type":"PROCESS_STATE_RUNNING","serial":7,"time_unix_ms":1700000000000,"fields":{"processname":"web","groupname":"web","from_state":"STARTING","pid":"42"},"data":""}"""
                    + "\n"
                    + """{"type":"REMOTE_COMMUNICATION","serial":-1,"time_unix_ms":1700000000001,"fields":{"type":"note"},"data":"grüße\nzwei \"Zeilen\""}"""
                    + "\n"
            );
        exit.Should().Be(0);
        daemon.Calls.Should().Equal("GetVersion", "StreamEvents PROCESS_STATE,REMOTE_COMMUNICATION");
    }

    [Fact]
    public async Task Watch_prints_each_event_as_one_line_of_its_type_tokens_and_data()
    {
        var (output, _, daemon) = await RunUntilAsync(["watch"], "Zeilen");

        output
            .Should()
            .Be(
                "PROCESS_STATE_RUNNING processname:web groupname:web from_state:STARTING pid:42\n"
                    + "REMOTE_COMMUNICATION type:note grüße\\nzwei \"Zeilen\"\n"
            );
        daemon.Calls.Should().Equal("GetVersion", "StreamEvents ");
    }

    [Fact]
    public void Events_is_not_listed_by_help_so_that_help_prints_as_supervisors() =>
        Ctl.Run(new FakeSupervisor(), "help").Out.Should().NotContain("events").And.NotContain("watch");

    private static async Task<(string Output, int Exit, FakeSupervisor Daemon)> RunUntilAsync(
        string[] args,
        string last
    )
    {
        var daemon = new FakeSupervisor();
        daemon.Events.AddRange([Running, Remote]);
        using var interrupt = new CancellationTokenSource();
        var output = new StringWriter { NewLine = "\n" };
        var environment = new CtlEnvironment(
            output,
            TextWriter.Null,
            new ScriptedConsole(output),
            _ => daemon,
            new Dictionary<string, string>(),
            "/",
            [],
            "supervisorctl",
            TimeZoneInfo.Utc
        )
        {
            CommandToken = () => interrupt.Token,
        };

        var run = CtlApp.RunAsync(args, environment);
        await Eventually.UntilAsync(
            () => output.ToString().Contains(last, StringComparison.Ordinal),
            "the last event was printed"
        );
        await interrupt.CancelAsync();
        var exit = await run.WaitAsync(TimeSpan.FromSeconds(10));
        return (output.ToString(), exit, daemon);
    }
}
