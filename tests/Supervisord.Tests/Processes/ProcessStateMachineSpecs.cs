using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>One spec per row of Supervisor's transition table (reference §2.2), on the pure state machine.</summary>
public sealed class ProcessStateMachineSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProcessConfig Config = TestConfigs.Program("web");

    private static Decision Decide(ProcessCore core, Trigger trigger, ProcessConfig? config = null) =>
        ProcessStateMachine.Decide(core, trigger, config ?? Config, Now);

    private static ProcessCore In(ProcessState state, int pid = 0, int backoff = 0) =>
        ProcessCore.Initial with
        {
            State = state,
            Pid = pid,
            Backoff = backoff,
            EverStarted = state != ProcessState.Stopped,
        };

    private static ChildExited Exit(int code, double uptimeSeconds, bool mayRestart = true) =>
        new(WaitStatus.FromExitCode(code), TimeSpan.FromSeconds(uptimeSeconds), mayRestart);

    [Theory]
    [InlineData(ProcessState.Stopped)]
    [InlineData(ProcessState.Exited)]
    [InlineData(ProcessState.Fatal)]
    public void Start_moves_a_stopped_process_to_starting_and_spawns(ProcessState from)
    {
        var (core, effects) = Decide(In(from), new StartRequested(Manual: true));

        core.State.Should().Be(ProcessState.Starting);
        effects.Should().ContainSingle(e => e is SpawnChild);
        effects.Should().Contain(new StateChanged(from, ProcessState.Starting));
    }

    [Theory]
    [InlineData(ProcessState.Running)]
    [InlineData(ProcessState.Starting)]
    [InlineData(ProcessState.Stopping)]
    [InlineData(ProcessState.Unknown)]
    [InlineData(ProcessState.Backoff)]
    public void Start_is_rejected_while_a_child_exists_the_process_retries_or_the_state_is_unknown(ProcessState from)
    {
        var decision = Decide(In(from, pid: 42), new StartRequested(Manual: true));

        decision.Core.State.Should().Be(from);
        decision.Effects.Should().BeEmpty();
        decision.Rejection.Should().Be(new Rejection(new StartRequested(Manual: true), from));
    }

    [Fact]
    public void Spawned_process_waits_startsecs_before_running()
    {
        var (core, effects) = Decide(In(ProcessState.Starting), new SpawnSucceeded(42));

        core.Pid.Should().Be(42);
        core.State.Should().Be(ProcessState.Starting);
        effects
            .OfType<StartTimer>()
            .Should()
            .ContainSingle(t => t.Kind == TimerKind.StartSecs && t.Delay == TimeSpan.FromSeconds(1));
        CapturingLogger.Render(effects).Should().ContainSingle(l => l.Message == "spawned: 'web' with pid 42");
    }

    [Fact]
    public void Startsecs_zero_makes_a_spawned_process_running_at_once()
    {
        var (core, _) = Decide(In(ProcessState.Starting), new SpawnSucceeded(42), Config with { StartSecs = 0 });

        core.State.Should().Be(ProcessState.Running);
    }

    [Fact]
    public void Process_enters_running_when_startsecs_elapse()
    {
        var starting = In(ProcessState.Starting, pid: 42, backoff: 2) with { TimerToken = 7 };

        var (core, effects) = Decide(starting, new TimerFired(TimerKind.StartSecs, 7));

        core.State.Should().Be(ProcessState.Running);
        core.Backoff.Should().Be(0);
        CapturingLogger
            .Render(effects)
            .Should()
            .ContainSingle(l =>
                l.Message
                == "success: web entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)"
            );
    }

    [Fact]
    public void A_stale_timer_is_ignored()
    {
        var starting = In(ProcessState.Starting, pid: 42) with { TimerToken = 7 };

        var (core, effects) = Decide(starting, new TimerFired(TimerKind.StartSecs, 6));

        core.Should().Be(starting);
        effects.Should().BeEmpty();
    }

    [Fact]
    public void Process_enters_backoff_when_it_exits_before_startsecs()
    {
        var (core, effects) = Decide(In(ProcessState.Starting, pid: 42), Exit(0, 0.2));

        core.State.Should().Be(ProcessState.Backoff);
        core.Backoff.Should().Be(1);
        core.SpawnError.Should().Be("Exited too quickly (process log may have details)");
        effects
            .OfType<StartTimer>()
            .Should()
            .ContainSingle(t => t.Kind == TimerKind.Backoff && t.Delay == TimeSpan.FromSeconds(1));
        CapturingLogger.Render(effects).Should().Contain(l => l.Message == "exited: web (exit status 0; not expected)");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    public void Backoff_delay_grows_linearly_with_each_failed_start(int attempt, int seconds)
    {
        var (_, effects) = Decide(In(ProcessState.Starting, pid: 42, backoff: attempt - 1), Exit(1, 0.1));

        effects.OfType<StartTimer>().Should().ContainSingle(t => t.Delay == TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Process_becomes_fatal_after_startretries_failed_starts()
    {
        var (core, effects) = Decide(In(ProcessState.Starting, pid: 42, backoff: 3), Exit(1, 0.1));

        core.State.Should().Be(ProcessState.Fatal);
        core.Backoff.Should().Be(0);
        effects.OfType<StateChanged>().Select(c => c.To).Should().Equal(ProcessState.Backoff, ProcessState.Fatal);
        CapturingLogger
            .Render(effects)
            .Should()
            .Contain(l => l.Message == "gave up: web entered FATAL state, too many start retries too quickly");
    }

    [Fact]
    public void Backoff_retries_when_its_delay_elapses()
    {
        var backoff = In(ProcessState.Backoff, backoff: 1) with { TimerToken = 3 };

        var (core, effects) = Decide(backoff, new TimerFired(TimerKind.Backoff, 3));

        core.State.Should().Be(ProcessState.Starting);
        core.Backoff.Should().Be(1);
        effects.Should().Contain(e => e is SpawnChild);
    }

    [Fact]
    public void Spawn_failure_enters_backoff_with_the_error_as_description()
    {
        var (core, effects) = Decide(In(ProcessState.Starting), new SpawnFailed("can't find command 'ghost'"));

        core.State.Should().Be(ProcessState.Backoff);
        core.SpawnError.Should().Be("can't find command 'ghost'");
        CapturingLogger.Render(effects).Should().Contain(l => l.Message == "spawnerr: can't find command 'ghost'");
    }

    [Fact]
    public void An_expected_exit_from_running_is_exited_and_not_restarted_by_default()
    {
        var (core, effects) = Decide(In(ProcessState.Running, pid: 42), Exit(0, 5));

        core.State.Should().Be(ProcessState.Exited);
        core.ExitStatus.Should().Be(0);
        effects.Should().NotContain(e => e is SpawnChild);
        CapturingLogger
            .Render(effects)
            .Should()
            .Contain(l => l.Message == "exited: web (exit status 0; expected)" && l.Level == LogLevel.Information);
    }

    [Fact]
    public void An_unexpected_exit_from_running_restarts_at_once()
    {
        var (core, effects) = Decide(In(ProcessState.Running, pid: 42), Exit(3, 5));

        core.State.Should().Be(ProcessState.Starting);
        effects.OfType<StateChanged>().Select(c => c.To).Should().Equal(ProcessState.Exited, ProcessState.Starting);
        CapturingLogger
            .Render(effects)
            .Should()
            .Contain(l => l.Message == "exited: web (exit status 3; not expected)" && l.Level == LogLevel.Warning);
    }

    [Fact]
    public void Autorestart_true_restarts_even_after_an_expected_exit()
    {
        var (core, _) = Decide(
            In(ProcessState.Running, pid: 42),
            Exit(0, 5),
            Config with
            {
                AutoRestart = AutoRestart.True,
            }
        );

        core.State.Should().Be(ProcessState.Starting);
    }

    [Fact]
    public void Autorestart_false_never_restarts()
    {
        var (core, _) = Decide(
            In(ProcessState.Running, pid: 42),
            Exit(3, 5),
            Config with
            {
                AutoRestart = AutoRestart.False,
            }
        );

        core.State.Should().Be(ProcessState.Exited);
    }

    [Fact]
    public void A_signal_death_is_never_expected()
    {
        var (core, effects) = Decide(
            In(ProcessState.Running, pid: 42),
            new ChildExited(WaitStatus.FromSignal(9), TimeSpan.FromSeconds(5), MayRestart: false)
        );

        core.ExitStatus.Should().Be(-1);
        CapturingLogger
            .Render(effects)
            .Should()
            .Contain(l => l.Message == "exited: web (terminated by SIGKILL; not expected)");
    }

    [Fact]
    public void Nothing_restarts_while_the_daemon_shuts_down()
    {
        var (core, _) = Decide(In(ProcessState.Running, pid: 42), Exit(3, 5, mayRestart: false));

        core.State.Should().Be(ProcessState.Exited);
    }

    [Fact]
    public void A_starting_process_that_exits_after_startsecs_passes_through_running_to_exited()
    {
        var (core, effects) = Decide(In(ProcessState.Starting, pid: 42), Exit(0, 1.5));

        core.State.Should().Be(ProcessState.Exited);
        effects.OfType<StateChanged>().Select(c => c.To).Should().Equal(ProcessState.Running, ProcessState.Exited);
    }

    [Theory]
    [InlineData(ProcessState.Running)]
    [InlineData(ProcessState.Starting)]
    public void Stop_sends_the_stopsignal_and_arms_the_kill_deadline(ProcessState from)
    {
        var config = Config with { StopSignal = 2, StopAsGroup = true, StopWaitSecs = 7 };

        var (core, effects) = Decide(In(from, pid: 42), new StopRequested(), config);

        core.State.Should().Be(ProcessState.Stopping);
        core.Killing.Should().BeTrue();
        effects.Should().Contain(new SendSignal(2, ToGroup: true));
        effects
            .OfType<StartTimer>()
            .Should()
            .ContainSingle(t => t.Kind == TimerKind.StopDeadline && t.Delay == TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Stop_in_backoff_goes_straight_to_stopped_without_a_signal()
    {
        var (core, effects) = Decide(In(ProcessState.Backoff, backoff: 2), new StopRequested());

        core.State.Should().Be(ProcessState.Stopped);
        effects.Should().NotContain(e => e is SendSignal);
    }

    [Fact]
    public void Stopping_escalates_to_sigkill_when_stopwaitsecs_elapse()
    {
        var stopping = In(ProcessState.Stopping, pid: 42) with { Killing = true, TimerToken = 5 };

        var (core, effects) = Decide(
            stopping,
            new TimerFired(TimerKind.StopDeadline, 5),
            Config with
            {
                KillAsGroup = true,
            }
        );

        core.State.Should().Be(ProcessState.Stopping);
        effects.Should().Contain(new SendSignal(9, ToGroup: true));
        CapturingLogger
            .Render(effects)
            .Should()
            .Contain(l => l.Message == "killing 'web' (42) with SIGKILL" && l.Level == LogLevel.Warning);
    }

    [Fact]
    public void The_exit_after_a_stop_is_stopped()
    {
        var stopping = In(ProcessState.Stopping, pid: 42) with { Killing = true };

        var (core, effects) = Decide(
            stopping,
            new ChildExited(WaitStatus.FromSignal(15), TimeSpan.FromSeconds(9), MayRestart: true)
        );

        core.State.Should().Be(ProcessState.Stopped);
        core.Pid.Should().Be(0);
        CapturingLogger
            .Render(effects)
            .Should()
            .Contain(l => l.Message == "stopped: web (terminated by SIGTERM)" && l.Level == LogLevel.Warning);
    }

    [Fact]
    public void Shutdown_turns_backoff_into_fatal()
    {
        var (core, _) = Decide(In(ProcessState.Backoff, backoff: 1), new GiveUp());

        core.State.Should().Be(ProcessState.Fatal);
    }

    [Fact]
    public void A_failing_kill_makes_the_state_unknown()
    {
        var (core, effects) = Decide(In(ProcessState.Running, pid: 42), new SignalFailed("EPERM"));

        core.State.Should().Be(ProcessState.Unknown);
        CapturingLogger.Render(effects).Should().Contain(l => l.Level == LogLevel.Critical);
    }

    [Fact]
    public void A_manual_start_begins_a_fresh_series_of_retries()
    {
        var (core, _) = Decide(In(ProcessState.Stopped, backoff: 2), new StartRequested(Manual: true));

        core.Backoff.Should().Be(0);
    }
}
