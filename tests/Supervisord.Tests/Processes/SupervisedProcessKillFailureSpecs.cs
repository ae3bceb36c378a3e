using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>
/// A kill that fails (EPERM from the injected kill) during a stop: the old actor applied SignalFailed in the middle of
/// the stop's effect list, so listeners saw STOPPING->UNKNOWN before RUNNING->STOPPING and the stop deadline stayed armed.
/// </summary>
public sealed class SupervisedProcessKillFailureSpecs : IAsyncLifetime
{
    private readonly TrackedTime _time = new();
    private readonly FailingSignals _signals = new() { Failure = "EPERM" };
    private readonly CapturingLogger _log = new();
    private readonly EngineFixture _engine;

    public SupervisedProcessKillFailureSpecs() => _engine = new EngineFixture(_time, _signals, _log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_failing_kill_during_stop_reports_stopping_before_unknown_and_leaves_no_timer_armed()
    {
        var process = _engine
            .Add(TestConfigs.Program("sleeper", "/bin/sleep 30") with { StartSecs = 0, StopWaitSecs = 10 })
            .Processes[0];
        await process.StartAsync();
        var running = await EngineFixture.WaitFor(process, ProcessState.Running);
        using var feed = _engine.Registry.Events.Watch();

        var reply = await process.StopAsync();

        reply.Should().Be(new CommandReply(CommandOutcome.Failed, ProcessState.Running, "EPERM"));
        EngineFixture
            .StateChanges(feed)
            .Select(c => (c.From, c.To))
            .Should()
            .Equal(("RUNNING", "STOPPING"), ("STOPPING", "UNKNOWN"));
        process.Current.State.Should().Be(ProcessState.Unknown);
        _time.ArmedTimers.Should().Be(0);
        _time.Advance(TimeSpan.FromSeconds(30));
        await EngineFixture.Settled(process);
        _signals.Sent.Should().Equal((running.Pid, 15, false));
        _log.Lines.Select(l => l.Message).Should().Contain($"unknown problem killing sleeper ({running.Pid}):EPERM");

        await KillAsync(process, running.Pid);
    }

    [Fact]
    public async Task A_failing_signal_command_answers_failed_and_keeps_the_state()
    {
        var process = _engine
            .Add(
                TestConfigs.Program("sleeper", "/bin/sleep 30") with
                {
                    StartSecs = 0,
                    AutoRestart = AutoRestart.False,
                }
            )
            .Processes[0];
        await process.StartAsync();
        var running = await EngineFixture.WaitFor(process, ProcessState.Running);

        var reply = await process.SignalAsync(1);

        reply.Should().Be(new CommandReply(CommandOutcome.Failed, ProcessState.Running, "EPERM"));
        process.Current.State.Should().Be(ProcessState.Running);
        _signals.Sent.Should().Equal((running.Pid, 1, false));

        await KillAsync(process, running.Pid);
    }

    /// <summary>The injected kill cannot stop the child, so the spec kills it and waits for the actor to see the exit.</summary>
    private static async Task KillAsync(SupervisedProcess process, int pid)
    {
        Supervisord
            .Platform.Signals.Send(pid, 9, toGroup: false)
            .Outcome.Should()
            .Be(Supervisord.Platform.Signals.Outcome.Sent);
        await process.WaitForAsync(s => s.Pid == 0, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
    }
}
