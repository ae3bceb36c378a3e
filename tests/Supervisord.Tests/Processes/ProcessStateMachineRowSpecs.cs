using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>The rows that refuse a trigger or that only the actor's commands reach, on the pure state machine.</summary>
public sealed class ProcessStateMachineRowSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProcessConfig Config = TestConfigs.Program("web");

    private static Decision Decide(ProcessCore core, Trigger trigger, ProcessConfig? config = null) =>
        ProcessStateMachine.Decide(core, trigger, config ?? Config, Now);

    private static ProcessCore In(ProcessState state, int pid = 0) =>
        ProcessCore.Initial with
        {
            State = state,
            Pid = pid,
            EverStarted = state != ProcessState.Stopped,
            TimerToken = 4,
        };

    private static ChildExited Exit(int code, double uptimeSeconds, bool mayRestart = true) =>
        new(WaitStatus.FromExitCode(code), TimeSpan.FromSeconds(uptimeSeconds), mayRestart);

    private static void ShouldBeRejected(Decision decision, ProcessCore core, Trigger trigger)
    {
        decision.Rejection.Should().Be(new Rejection(trigger, core.State));
        decision.Rejection!.Message.Should().EndWith($"is not allowed in state {core.State.Name()}");
        decision.Core.Should().Be(core);
        decision.Effects.Should().BeEmpty();
    }

    [Theory]
    [InlineData(ProcessState.Stopped)]
    [InlineData(ProcessState.Exited)]
    [InlineData(ProcessState.Fatal)]
    [InlineData(ProcessState.Unknown)]
    [InlineData(ProcessState.Stopping)]
    public void Stop_is_rejected_when_nothing_runs(ProcessState from)
    {
        var core = In(from);

        ShouldBeRejected(Decide(core, new StopRequested()), core, new StopRequested());
    }

    [Theory]
    [InlineData(ProcessState.Stopped)]
    [InlineData(ProcessState.Exited)]
    [InlineData(ProcessState.Fatal)]
    [InlineData(ProcessState.Backoff)]
    public void An_exit_in_a_state_without_a_child_is_rejected(ProcessState from)
    {
        var core = In(from);
        var exit = Exit(0, 5);

        ShouldBeRejected(Decide(core, exit), core, exit);
    }

    [Fact]
    public void The_exit_of_a_child_that_could_not_be_killed_keeps_unknown_and_clears_the_pid()
    {
        var (core, effects) = Decide(In(ProcessState.Unknown, pid: 42), Exit(0, 5));

        core.State.Should().Be(ProcessState.Unknown);
        core.Pid.Should().Be(0);
        effects.Should().NotContain(e => e is StateChanged || e is SpawnChild);
    }

    [Theory]
    [InlineData(ProcessState.Stopped)]
    [InlineData(ProcessState.Starting)]
    [InlineData(ProcessState.Running)]
    [InlineData(ProcessState.Stopping)]
    [InlineData(ProcessState.Exited)]
    [InlineData(ProcessState.Fatal)]
    [InlineData(ProcessState.Unknown)]
    public void Give_up_outside_backoff_is_rejected(ProcessState from)
    {
        var core = In(from, pid: 42);

        ShouldBeRejected(Decide(core, new GiveUp()), core, new GiveUp());
    }

    [Theory]
    [InlineData(ProcessState.Stopped)]
    [InlineData(ProcessState.Backoff)]
    [InlineData(ProcessState.Exited)]
    [InlineData(ProcessState.Fatal)]
    [InlineData(ProcessState.Unknown)]
    public void A_failed_kill_is_rejected_when_the_state_is_not_signallable(ProcessState from)
    {
        var core = In(from);
        var failed = new SignalFailed("EPERM");

        ShouldBeRejected(Decide(core, failed), core, failed);
    }

    [Fact]
    public void A_failed_stop_signal_disarms_the_kill_deadline()
    {
        var stopping = In(ProcessState.Stopping, pid: 42) with { Killing = true };

        var (core, effects) = Decide(stopping, new SignalFailed("EPERM"));

        core.State.Should().Be(ProcessState.Unknown);
        core.Killing.Should().BeFalse();
        core.TimerToken.Should().NotBe(stopping.TimerToken, "the armed deadline's token must be stale");
        effects
            .Should()
            .Contain(new CancelTimer())
            .And.Contain(new StateChanged(ProcessState.Stopping, ProcessState.Unknown, 42));
        CapturingLogger
            .Render(effects)
            .Should()
            .ContainSingle(l => l.Message == "unknown problem killing web (42):EPERM");
    }

    [Fact]
    public void An_exit_before_startsecs_during_shutdown_gives_up_at_once()
    {
        var (core, effects) = Decide(In(ProcessState.Starting, pid: 42), Exit(1, 0.1, mayRestart: false));

        core.State.Should().Be(ProcessState.Fatal);
        core.Pid.Should().Be(0);
        effects.OfType<StateChanged>().Select(c => c.To).Should().Equal(ProcessState.Backoff, ProcessState.Fatal);
        effects.Should().NotContain(e => e is StartTimer || e is SpawnChild);
        CapturingLogger
            .Render(effects)
            .Select(l => l.Message)
            .Should()
            .Equal(
                "exited: web (exit status 1; not expected)",
                "gave up: web entered FATAL state, too many start retries too quickly"
            );
    }

    [Theory]
    [InlineData(ProcessState.Running)]
    [InlineData(ProcessState.Starting)]
    [InlineData(ProcessState.Stopping)]
    public void A_requested_signal_goes_to_the_current_child_without_a_state_change(ProcessState from)
    {
        var (core, effects) = Decide(In(from, pid: 42), new SignalRequested(1));

        core.Should().Be(In(from, pid: 42));
        effects.Should().Equal(new DeliverSignal(1));
    }

    [Theory]
    [InlineData(ProcessState.Stopped)]
    [InlineData(ProcessState.Backoff)]
    [InlineData(ProcessState.Exited)]
    [InlineData(ProcessState.Fatal)]
    [InlineData(ProcessState.Unknown)]
    public void A_requested_signal_is_rejected_when_there_is_no_child(ProcessState from)
    {
        var core = In(from);

        ShouldBeRejected(Decide(core, new SignalRequested(1)), core, new SignalRequested(1));
    }

    [Fact]
    public void A_timer_in_a_state_other_than_the_one_that_armed_it_is_rejected()
    {
        var core = In(ProcessState.Running, pid: 42);
        var timer = new TimerFired(TimerKind.StartSecs, core.TimerToken);

        ShouldBeRejected(Decide(core, timer), core, timer);
    }
}
