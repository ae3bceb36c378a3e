using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>The rows depends_on= and ready= add to the pure state machine, one spec per row.</summary>
public sealed class ReadinessStateMachineSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProcessConfig Plain = TestConfigs.Program("web");
    private static readonly ProcessConfig Probed = Plain with
    {
        Readiness = ReadinessConfig.Default with
        {
            Probe = new ReadyProbe(ReadyKind.Tcp, "127.0.0.1:8080"),
            Deadline = TimeSpan.FromSeconds(5),
        },
    };

    private static Decision Decide(ProcessCore core, Trigger trigger, ProcessConfig? config = null) =>
        ProcessStateMachine.Decide(core, trigger, config ?? Plain, Now);

    private static ProcessCore Held =>
        ProcessCore.Initial with
        {
            State = ProcessState.Starting,
            EverStarted = true,
            WaitingFor = "waiting for db",
        };

    private static ProcessCore Spawned(int pid = 42) =>
        ProcessCore.Initial with
        {
            State = ProcessState.Starting,
            EverStarted = true,
            Pid = pid,
        };

    [Theory]
    [InlineData(ProcessState.Stopped)]
    [InlineData(ProcessState.Exited)]
    [InlineData(ProcessState.Fatal)]
    public void A_hold_moves_a_stopped_process_to_starting_without_spawning(ProcessState from)
    {
        var (core, effects) = Decide(
            ProcessCore.Initial with
            {
                State = from,
            },
            new HoldRequested("waiting for db", Manual: true)
        );

        core.State.Should().Be(ProcessState.Starting);
        core.WaitingFor.Should().Be("waiting for db");
        effects.Should().NotContain(e => e is SpawnChild);
        effects.Should().Contain(new StateChanged(from, ProcessState.Starting));
    }

    [Fact]
    public void A_hold_is_rejected_while_the_process_runs()
    {
        Decide(Spawned() with { State = ProcessState.Running }, new HoldRequested("waiting for db", Manual: true))
            .Rejected.Should()
            .BeTrue();
    }

    [Fact]
    public void Releasing_a_held_start_spawns_it()
    {
        var (core, effects) = Decide(Held, new DependenciesReady());

        core.State.Should().Be(ProcessState.Starting);
        core.WaitingFor.Should().BeNull();
        effects.Should().ContainSingle(e => e is SpawnChild);
    }

    [Fact]
    public void A_release_is_rejected_when_nothing_is_held()
    {
        Decide(Spawned(), new DependenciesReady()).Rejected.Should().BeTrue();
    }

    [Fact]
    public void A_failed_dependency_makes_a_held_start_fatal_with_the_reason()
    {
        var (core, effects) = Decide(Held, new DependencyFailed("dependency db is FATAL"));

        core.State.Should().Be(ProcessState.Fatal);
        core.SpawnError.Should().Be("dependency db is FATAL");
        effects.Should().Contain(new StateChanged(ProcessState.Starting, ProcessState.Fatal));
    }

    [Fact]
    public void Stopping_a_held_start_stops_it_without_a_signal()
    {
        var (core, effects) = Decide(Held, new StopRequested());

        core.State.Should().Be(ProcessState.Stopped);
        effects.Should().NotContain(e => e is SendSignal);
    }

    [Fact]
    public void A_signal_for_a_held_start_is_rejected_because_there_is_no_child()
    {
        Decide(Held, new SignalRequested(1)).Rejected.Should().BeTrue();
        Decide(Held, new StdinWriteRequested(new byte[] { 1 })).Rejected.Should().BeTrue();
    }

    [Fact]
    public void A_spawned_process_with_a_probe_starts_probing_and_arms_the_deadline_instead_of_startsecs()
    {
        var (core, effects) = Decide(
            ProcessCore.Initial with
            {
                State = ProcessState.Starting,
            },
            new SpawnSucceeded(42),
            Probed
        );

        core.State.Should().Be(ProcessState.Starting);
        effects.Should().Contain(new StartProbe(42));
        effects
            .OfType<StartTimer>()
            .Should()
            .ContainSingle(t => t.Kind == TimerKind.ReadyDeadline && t.Delay == TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_passed_probe_makes_the_process_running()
    {
        var (core, effects) = Decide(Spawned(), new ProbePassed(42), Probed);

        core.State.Should().Be(ProcessState.Running);
        CapturingLogger
            .Render(effects)
            .Should()
            .ContainSingle(l => l.Message == "success: web entered RUNNING state, ready (tcp://127.0.0.1:8080)");
    }

    [Fact]
    public void A_probe_for_another_child_or_a_program_without_a_probe_is_rejected()
    {
        Decide(Spawned(), new ProbePassed(41), Probed).Rejected.Should().BeTrue();
        Decide(Spawned(), new ProbePassed(42), Plain).Rejected.Should().BeTrue();
    }

    [Fact]
    public void The_ready_deadline_kills_the_child_and_its_exit_is_a_failed_start()
    {
        var armed = Spawned() with { TimerToken = 7 };
        var (killing, effects) = Decide(armed, new TimerFired(TimerKind.ReadyDeadline, 7), Probed);

        killing.State.Should().Be(ProcessState.Starting);
        effects.Should().Contain(new SendSignal(9, false));

        var (core, _) = Decide(
            killing,
            new ChildExited(WaitStatus.FromSignal(9), TimeSpan.FromSeconds(5), MayRestart: true),
            Probed
        );
        core.State.Should().Be(ProcessState.Backoff);
        core.SpawnError.Should().Be("not ready within 5s (tcp://127.0.0.1:8080)");
    }

    [Fact]
    public void A_probed_child_that_exits_before_ready_backs_off_even_after_startsecs()
    {
        var (core, _) = Decide(
            Spawned(),
            new ChildExited(WaitStatus.FromExitCode(0), TimeSpan.FromSeconds(30), MayRestart: true),
            Probed
        );

        core.State.Should().Be(ProcessState.Backoff);
        core.SpawnError.Should().Be("Exited too quickly (process log may have details)");
    }
}
