using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>
/// The actor's timers on a fake clock, with real children: startsecs, the backoff delays and stopwaitsecs, each
/// checked one tick before and at its deadline. Advancing the clock fires due timers at once; settling the actor
/// afterwards makes the check deterministic.
/// </summary>
public sealed class SupervisedProcessClockSpecs : IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly TrackedTime _time = new();
    private readonly CapturingLogger _log = new();
    private readonly EngineFixture _engine;

    public SupervisedProcessClockSpecs() => _engine = new EngineFixture(_time, logger: _log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_process_enters_running_when_startsecs_elapse_on_the_clock()
    {
        var process = _engine.Add(TestConfigs.Program("sleeper", "/bin/sleep 30") with { StartSecs = 5 }).Processes[0];

        (await process.StartAsync()).Accepted.Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(5) - Tick);
        (await EngineFixture.Settled(process)).State.Should().Be(ProcessState.Starting);
        _time.Advance(Tick);

        await EngineFixture.WaitFor(process, ProcessState.Running);
        _log.Lines.Should()
            .Contain(l =>
                l.Message
                == "success: sleeper entered RUNNING state, process has stayed up for > than 5 seconds (startsecs)"
            );
    }

    [Fact]
    public async Task Backoff_waits_one_then_two_seconds_and_gives_up_after_startretries()
    {
        using var feed = _engine.Registry.Events.Watch();
        var process = _engine
            .Add(TestConfigs.Program("crasher", "/bin/sh -c 'exit 1'") with { StartRetries = 2 })
            .Processes[0];

        await process.StartAsync();
        foreach (var delay in new[] { 1, 2 })
        {
            await EngineFixture.WaitFor(process, ProcessState.Backoff);
            _time.Advance(TimeSpan.FromSeconds(delay) - Tick);
            (await EngineFixture.Settled(process))
                .State.Should()
                .Be(ProcessState.Backoff, "the retry is due after {0} s", delay);
            _time.Advance(Tick);
        }

        await EngineFixture.WaitFor(process, ProcessState.Fatal);
        EngineFixture.StateChanges(feed).Where(c => c.To == "BACKOFF").Select(c => c.Tries).Should().Equal(1, 2, 3);
        _log.Lines.Count(l => l.Message.StartsWith("spawned: 'crasher' with pid ", StringComparison.Ordinal))
            .Should()
            .Be(3);
        _log.Lines.Should()
            .Contain(l => l.Message == "gave up: crasher entered FATAL state, too many start retries too quickly");
        _time.ArmedTimers.Should().Be(0);
    }

    [Fact]
    public async Task A_child_that_ignores_the_stop_signal_is_killed_when_stopwaitsecs_elapse()
    {
        var config = TestConfigs.Program("stubborn", "/bin/sh -c \"trap '' TERM; echo ready; exec sleep 30\"") with
        {
            StartSecs = 0,
            StopWaitSecs = 3,
            Stdout = _engine.FileLog("stubborn.log"),
        };
        var process = _engine.Add(config).Processes[0];
        await process.StartAsync();
        await Eventually.UntilAsync(() =>
            File.Exists(config.Stdout.Path!) && File.ReadAllText(config.Stdout.Path!) == "ready\n"
        );
        var pid = process.Current.Pid;

        (await process.StopAsync()).Accepted.Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(3) - Tick);
        (await EngineFixture.Settled(process)).State.Should().Be(ProcessState.Stopping);
        _time.Advance(Tick);

        var stopped = await EngineFixture.WaitFor(process, ProcessState.Stopped);
        stopped.ExitStatus.Should().Be(-1);
        _log.Lines.Select(l => l.Message)
            .Should()
            .Contain($"killing 'stubborn' ({pid}) with SIGKILL")
            .And.Contain("stopped: stubborn (terminated by SIGKILL)");
        _time.ArmedTimers.Should().Be(0);
    }
}
