using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>Every (state, trigger) pair outside Supervisor's transition table is a rejection naming the state.</summary>
public sealed class ProcessStateMachineProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The table, written independently of the state machine: which (state, trigger) pairs are legal.</summary>
    private static bool InTable(ProcessCore core, Trigger trigger) =>
        trigger switch
        {
            StartRequested => core.State is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal,
            SpawnSucceeded or SpawnFailed => core.State == ProcessState.Starting,
            ChildExited => core.State
                is ProcessState.Starting
                    or ProcessState.Running
                    or ProcessState.Stopping
                    or ProcessState.Unknown,
            StopRequested => core.State is ProcessState.Running or ProcessState.Starting or ProcessState.Backoff
                || Throttled(core),
            TimerFired timer => timer.Token == core.TimerToken
                && (timer.Kind, core.State)
                    is
                        (TimerKind.StartSecs, ProcessState.Starting)
                        or
                        (TimerKind.Backoff, ProcessState.Backoff)
                        or
                        (TimerKind.StopDeadline, ProcessState.Stopping)
                        or
                        (TimerKind.Throttle, ProcessState.Exited),
            GiveUp => core.State == ProcessState.Backoff || Throttled(core),
            SignalFailed or SignalRequested or StdinWriteRequested => core.State
                is ProcessState.Running
                    or ProcessState.Starting
                    or ProcessState.Stopping,
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "a trigger the table does not know"),
        };

    /// <summary>An EXITED process whose autorestart the restart throttle delays.</summary>
    private static bool Throttled(ProcessCore core) =>
        core.State == ProcessState.Exited && core.ThrottleDelay is not null;

    private static Gen<ProcessCore> Cores() =>
        from state in Gen.Elements(Enum.GetValues<ProcessState>())
        from pid in Gen.Elements(0, 42)
        from backoff in Gen.Choose(0, 4)
        from token in Gen.Choose(0, 5)
        from throttled in Gen.Elements(true, false)
        select ProcessCore.Initial with
        {
            State = state,
            Pid = pid,
            Backoff = backoff,
            TimerToken = token,
            Killing = state == ProcessState.Stopping,
            ThrottleDelay = throttled && state == ProcessState.Exited ? TimeSpan.FromMilliseconds(40) : null,
        };

    private static Gen<Trigger> Triggers(ProcessCore core) =>
        Gen.OneOf(
            Gen.Elements<Trigger>(
                new StartRequested(Manual: true),
                new StartRequested(Manual: false),
                new SpawnSucceeded(43),
                new SpawnFailed("can't find command 'x'"),
                new ChildExited(WaitStatus.FromExitCode(0), TimeSpan.FromSeconds(5), MayRestart: true),
                new ChildExited(WaitStatus.FromSignal(15), TimeSpan.Zero, MayRestart: false),
                new StopRequested(),
                new GiveUp(),
                new SignalFailed("EPERM"),
                new SignalRequested(1),
                new StdinWriteRequested(new byte[] { 1 })
            ),
            from kind in Gen.Elements(Enum.GetValues<TimerKind>())
            from stale in Gen.Elements(true, false)
            select (Trigger)new TimerFired(kind, stale ? core.TimerToken - 1 : core.TimerToken)
        );

    private static Gen<(ProcessCore Core, Trigger Trigger)> Pairs() =>
        from core in Cores()
        from trigger in Triggers(core)
        select (Core: core, Trigger: trigger);

    private static readonly ProcessConfig Config = TestConfigs.Program("web");

    [Property(MaxTest = 500)]
    public Property A_pair_outside_the_table_is_rejected_with_no_effects() =>
        Prop.ForAll(
            Pairs().Where(pair => !InTable(pair.Core, pair.Trigger)).ToArbitrary(),
            pair =>
            {
                var decision = ProcessStateMachine.Decide(pair.Core, pair.Trigger, Config, Now);
                return decision.Rejection == new Rejection(pair.Trigger, pair.Core.State)
                    && decision.Core == pair.Core
                    && decision.Effects.Count == 0;
            }
        );

    [Property(MaxTest = 500)]
    public Property A_pair_in_the_table_is_accepted() =>
        Prop.ForAll(
            Pairs().Where(pair => InTable(pair.Core, pair.Trigger)).ToArbitrary(),
            pair => !ProcessStateMachine.Decide(pair.Core, pair.Trigger, Config, Now).Rejected
        );
}
