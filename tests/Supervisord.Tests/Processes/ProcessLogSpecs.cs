using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>Each kind of process log line renders Supervisor's exact text, at its level, with its id from the table.</summary>
public sealed class ProcessLogSpecs
{
    public static TheoryData<WriteLogCase> Lines { get; } =
    [
        new(new SpawnedLine("web", 42), LogLevel.Information, ProcessLogEvents.Spawned, "spawned: 'web' with pid 42"),
        new(
            new SpawnErrorLine("can't find command 'x'"),
            LogLevel.Information,
            ProcessLogEvents.SpawnError,
            "spawnerr: can't find command 'x'"
        ),
        new(
            new EnteredRunningLine("web", 1),
            LogLevel.Information,
            ProcessLogEvents.EnteredRunning,
            "success: web entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)"
        ),
        new(
            new ExitedLine("web", "exit status 0", Expected: true),
            LogLevel.Information,
            ProcessLogEvents.ExitedExpected,
            "exited: web (exit status 0; expected)"
        ),
        new(
            new ExitedLine("web", "exit status 3", Expected: false),
            LogLevel.Warning,
            ProcessLogEvents.ExitedUnexpected,
            "exited: web (exit status 3; not expected)"
        ),
        new(
            new StoppedLine("web", "exit status 0", Expected: true),
            LogLevel.Information,
            ProcessLogEvents.Stopped,
            "stopped: web (exit status 0)"
        ),
        new(
            new StoppedLine("web", "terminated by SIGTERM", Expected: false),
            LogLevel.Warning,
            ProcessLogEvents.Stopped,
            "stopped: web (terminated by SIGTERM)"
        ),
        new(
            new KillingLine("web", 42, "SIGTERM"),
            LogLevel.Debug,
            ProcessLogEvents.Killing,
            "killing web (pid 42) with signal SIGTERM"
        ),
        new(new SigkillLine("web", 42), LogLevel.Warning, ProcessLogEvents.Sigkill, "killing 'web' (42) with SIGKILL"),
        new(
            new GaveUpLine("web"),
            LogLevel.Information,
            ProcessLogEvents.GaveUp,
            "gave up: web entered FATAL state, too many start retries too quickly"
        ),
        new(
            new KillFailedLine("web", 42, "EPERM"),
            LogLevel.Critical,
            ProcessLogEvents.KillFailed,
            "unknown problem killing web (42):EPERM"
        ),
    ];

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_log_line_renders_supervisors_text_with_its_level_and_event_id(WriteLogCase line)
    {
        var logger = new CapturingLogger();

        ProcessLog.Write(logger, (WriteLog)line.Line);

        logger.Lines.Should().Equal(new LoggedLine(line.Level, line.EventId, line.Text));
    }

    [Fact]
    public void Every_event_id_in_the_table_is_distinct()
    {
        var ids = typeof(ProcessLogEvents).GetFields().Select(f => (int)f.GetRawConstantValue()!).ToList();

        ids.Should().OnlyHaveUniqueItems();
    }

    /// <summary>One row: the typed line (a WriteLog, which is internal) and what the main log must show.</summary>
    public sealed record WriteLogCase(object Line, LogLevel Level, int EventId, string Text)
    {
        public override string ToString() => Text;
    }
}
