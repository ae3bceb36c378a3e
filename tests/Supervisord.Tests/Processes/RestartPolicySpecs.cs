using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>Backoff curves, caps, jitter, startretries=forever, backoff_reset and the restart throttle, on the pure state machine.</summary>
public sealed class RestartPolicySpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ProcessConfig Program(RestartPolicy? policy = null, int startRetries = 3, int startSecs = 1) =>
        TestConfigs.Program("web") with
        {
            StartRetries = startRetries,
            StartSecs = startSecs,
            AutoRestart = AutoRestart.True,
            Restart = policy ?? RestartPolicy.Supervisor,
        };

    private static ChildExited Exit(double uptimeSeconds, int code = 1) =>
        new(WaitStatus.FromExitCode(code), TimeSpan.FromSeconds(uptimeSeconds), MayRestart: true);

    /// <summary>Drives a failing start n times: STARTING, exit before startsecs, BACKOFF; returns each backoff delay.</summary>
    private static (ProcessCore Core, List<TimeSpan?> Delays) FailStarts(
        ProcessConfig config,
        int times,
        double sample = 0.5
    )
    {
        var core = ProcessCore.Initial with { State = ProcessState.Starting, Pid = 42, EverStarted = true };
        var delays = new List<TimeSpan?>();
        for (var i = 0; i < times; i++)
        {
            var decision = ProcessStateMachine.Decide(core, Exit(0.1), config, Now, sample);
            core = decision.Core;
            delays.Add(decision.Effects.OfType<StartTimer>().SingleOrDefault(t => t.Kind == TimerKind.Backoff)?.Delay);
            if (core.State == ProcessState.Backoff)
            {
                core = ProcessStateMachine
                    .Decide(core, new TimerFired(TimerKind.Backoff, core.TimerToken), config, Now)
                    .Core with
                {
                    Pid = 42,
                };
            }
        }
        return (core, delays);
    }

    [Fact]
    public void Default_backoff_is_supervisors_linear_one_two_three_seconds_then_fatal()
    {
        var (core, delays) = FailStarts(Program(), 4);

        delays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), null);
        core.State.Should().Be(ProcessState.Fatal);
    }

    [Fact]
    public void Exponential_backoff_doubles_from_one_second_up_to_backoff_max()
    {
        var policy = RestartPolicy.Supervisor with { Curve = BackoffCurve.Exponential, Max = TimeSpan.FromSeconds(10) };

        var (_, delays) = FailStarts(Program(policy, startRetries: 10), 6);

        delays.Select(d => d!.Value.TotalSeconds).Should().Equal(1, 2, 4, 8, 10, 10);
    }

    [Fact]
    public void Startretries_forever_keeps_retrying_long_after_any_count()
    {
        var policy = RestartPolicy.Supervisor with { Curve = BackoffCurve.Exponential, Max = TimeSpan.FromSeconds(30) };

        var (core, delays) = FailStarts(Program(policy, startRetries: RestartPolicy.Forever), 200);

        core.State.Should().Be(ProcessState.Starting);
        delays.Should().OnlyContain(d => d != null && d <= TimeSpan.FromSeconds(30));
        delays[^1].Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(0.0, 0.8)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.999999, 1.2)]
    public void Jitter_spreads_a_delay_within_plus_or_minus_its_fraction(double sample, double factor)
    {
        var policy = RestartPolicy.Supervisor with { Curve = BackoffCurve.Exponential, Jitter = 0.2 };

        var (_, delays) = FailStarts(Program(policy, startRetries: 5), 3, sample);

        delays[2]!.Value.TotalSeconds.Should().BeApproximately(4 * factor, 0.001);
    }

    [Fact]
    public void Jitter_never_pushes_a_delay_past_backoff_max()
    {
        var policy = RestartPolicy.Supervisor with
        {
            Curve = BackoffCurve.Exponential,
            Jitter = 1,
            Max = TimeSpan.FromSeconds(3),
        };

        RestartDelays.Backoff(policy, attempt: 2, sample: 0.99).Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Retry_count_resets_on_running_by_default()
    {
        var config = Program();
        var core = ProcessCore.Initial with { State = ProcessState.Starting, Pid = 42, Backoff = 2 };

        var (running, _) = ProcessStateMachine.Decide(
            core,
            new TimerFired(TimerKind.StartSecs, core.TimerToken),
            config,
            Now
        );

        running.Backoff.Should().Be(0);
    }

    [Fact]
    public void With_backoff_reset_the_count_survives_a_run_shorter_than_it_and_resets_after_a_longer_one()
    {
        var config = Program(RestartPolicy.Supervisor with { Reset = TimeSpan.FromSeconds(60) });
        var starting = ProcessCore.Initial with { State = ProcessState.Starting, Pid = 42, Backoff = 2 };
        var running = ProcessStateMachine
            .Decide(starting, new TimerFired(TimerKind.StartSecs, starting.TimerToken), config, Now)
            .Core;
        running.Backoff.Should().Be(2);

        ProcessStateMachine.Decide(running, Exit(30), config, Now).Core.Backoff.Should().Be(2);
        ProcessStateMachine.Decide(running, Exit(61.5), config, Now).Core.Backoff.Should().Be(0);
    }

    [Fact]
    public void First_quick_exit_restarts_at_once()
    {
        var config = Program(startSecs: 0);
        var running = ProcessCore.Initial with { State = ProcessState.Running, Pid = 42, EverStarted = true };

        var (core, effects) = ProcessStateMachine.Decide(running, Exit(0.001, code: 0), config, Now);

        core.State.Should().Be(ProcessState.Starting);
        effects.Should().ContainSingle(e => e is SpawnChild);
    }

    [Fact]
    public void A_program_that_keeps_exiting_at_once_waits_ten_milliseconds_doubling_up_to_one_second()
    {
        var config = Program(startSecs: 0);
        var core = ProcessCore.Initial with { State = ProcessState.Running, Pid = 42, EverStarted = true };
        var delays = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var decision = ProcessStateMachine.Decide(core, Exit(0.001, code: 0), config, Now);
            core = decision.Core;
            var timer = decision.Effects.OfType<StartTimer>().SingleOrDefault(t => t.Kind == TimerKind.Throttle);
            delays.Add(timer?.Delay.TotalMilliseconds ?? 0);
            if (timer is not null)
            {
                core.State.Should().Be(ProcessState.Exited);
                core.ThrottleDelay.Should().Be(timer.Delay);
                core = ProcessStateMachine
                    .Decide(core, new TimerFired(TimerKind.Throttle, timer.Token), config, Now)
                    .Core;
            }
            core.State.Should().Be(ProcessState.Starting);
            core = ProcessStateMachine.Decide(core, new SpawnSucceeded(42), config, Now).Core;
        }

        delays.Should().Equal(0, 10, 20, 40, 80, 160, 320, 640, 1000, 1000);
    }

    [Theory]
    [InlineData(0.2, 7)]
    [InlineData(0.99, 7)]
    [InlineData(1.0, 0)]
    [InlineData(30, 0)]
    public void A_run_longer_than_a_quick_run_restarts_at_once_and_one_that_stayed_up_a_second_resets_the_throttle(
        double uptime,
        int count
    )
    {
        var config = Program(startSecs: 0);
        var core = ProcessCore.Initial with { State = ProcessState.Running, Pid = 42, QuickExits = 7 };

        var (next, effects) = ProcessStateMachine.Decide(core, Exit(uptime, code: 0), config, Now);

        next.State.Should().Be(ProcessState.Starting);
        next.QuickExits.Should().Be(count);
        effects.OfType<StartTimer>().Should().BeEmpty();
    }

    [Fact]
    public void Restart_throttle_false_restarts_every_quick_exit_at_once()
    {
        var config = Program(RestartPolicy.Supervisor with { Throttle = false }, startSecs: 0);
        var core = ProcessCore.Initial with { State = ProcessState.Running, Pid = 42, QuickExits = 7 };

        ProcessStateMachine
            .Decide(core, Exit(0.001, code: 0), config, Now)
            .Core.State.Should()
            .Be(ProcessState.Starting);
    }

    [Fact]
    public void Stop_of_a_throttled_process_cancels_its_restart()
    {
        var core = ProcessCore.Initial with
        {
            State = ProcessState.Exited,
            ThrottleDelay = TimeSpan.FromMilliseconds(40),
            TimerToken = 3,
        };

        var (next, effects) = ProcessStateMachine.Decide(core, new StopRequested(), Program(), Now);

        next.State.Should().Be(ProcessState.Stopped);
        effects.Should().Contain(new CancelTimer());
        ProcessStateMachine
            .Decide(next, new TimerFired(TimerKind.Throttle, 3), Program(), Now)
            .Rejected.Should()
            .BeTrue();
    }

    [Fact]
    public void Shutdown_cancels_a_throttled_restart_and_leaves_the_process_exited()
    {
        var core = ProcessCore.Initial with
        {
            State = ProcessState.Exited,
            ThrottleDelay = TimeSpan.FromMilliseconds(40),
        };

        var (next, _) = ProcessStateMachine.Decide(core, new GiveUp(), Program(), Now);

        next.State.Should().Be(ProcessState.Exited);
        next.ThrottleDelay.Should().BeNull();
    }

    [Fact]
    public void Description_of_a_throttled_process_names_the_wait()
    {
        var snapshot = new ProcessSnapshot("web", "web", ProcessState.Exited, 0, Now, Now, 0, null, true)
        {
            ThrottleDelay = TimeSpan.FromMilliseconds(640),
        };

        snapshot.Describe(Now).Should().EndWith("(restart throttled: exits at once, next start in 640 ms)");
    }
}
