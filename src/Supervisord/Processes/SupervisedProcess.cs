using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Logging;
using ProcessConfig = Supervise.Supervisord.Configuration.Model.ProcessConfig;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// One configured process as an actor: commands and triggers arrive on one channel and are handled one at a time by
/// one loop, which is the only writer of the process's state. The pure <see cref="ProcessStateMachine"/> decides;
/// this class performs the effects (spawn, signal, timers, logging) and publishes an immutable
/// <see cref="ProcessSnapshot"/> that readers take without locks. Exits come from the reaper thread and timers from
/// the TimeProvider, both as triggers. An effect never applies a trigger itself: what it causes (a spawn's outcome, a
/// failed kill) is queued and applied after the current effect list, so that listeners see transitions in order.
/// </summary>
public sealed partial class SupervisedProcess : IAsyncDisposable
{
    private readonly Channel<Trigger> _inbox = Channel.CreateUnbounded<Trigger>(
        new UnboundedChannelOptions { SingleReader = true }
    );
    private readonly Queue<Trigger> _followUps = new();
    private readonly ProcessServices _services;
    private readonly EventHub _events;
    private readonly RestartGate _restarts;
    private readonly IProcessLifecycle _lifecycle;
    private readonly ILogger _logger;
    private readonly List<Waiter> _waiters = [];
    private readonly Task _loop;
    private ProcessCore _core = ProcessCore.Initial;
    private volatile ProcessSnapshot _snapshot;

    /// <param name="events">The one event stream its transitions and output events are published to.</param>
    /// <param name="restarts">Read at each exit: closed, the exit never leads to a restart.</param>
    /// <param name="lifecycle">Hears of each spawn and reap (the survivor record).</param>
    public SupervisedProcess(
        ProcessConfig config,
        string group,
        ChannelLog stdout,
        ChannelLog stderr,
        ProcessServices services,
        EventHub events,
        RestartGate restarts,
        IProcessLifecycle lifecycle
    )
    {
        Config = config;
        Group = group;
        Stdout = stdout;
        Stderr = stderr;
        _services = services;
        _events = events;
        _restarts = restarts;
        _lifecycle = lifecycle;
        _logger = services.Logger;
        _snapshot = Snapshot(_core);
        _loop = Task.Run(RunAsync);
    }

    public ProcessConfig Config { get; }

    public string Group { get; }

    public string Name => Config.Name;

    public ChannelLog Stdout { get; }

    public ChannelLog Stderr { get; }

    public ProcessSnapshot Current => _snapshot;

    public Spawning.SpawnRequest CreateSpawnRequest() =>
        WithNotifySocket(_services.Environment.CreateRequest(Config, Group) with { StdinFd = StdinFd });

    /// <summary>Given to the child as fd 0 instead of a pipe: the [fcgi-program] group's listening socket.</summary>
    public int StdinFd { get; init; } = -1;

    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        DisposeTimer();
        DisposeReadiness();
        CloseStdin();
        Stdout.Dispose();
        Stderr.Dispose();
    }

    private bool Post(Trigger trigger) => _inbox.Writer.TryWrite(trigger);

    private async Task RunAsync()
    {
        await foreach (var message in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                switch (message)
                {
                    case AddWaiter add:
                        _waiters.Add(add.Waiter);
                        break;
                    case NotifyReceived notify:
                        await OnNotifyAsync(notify.Message).ConfigureAwait(false);
                        break;
                    case Command command:
                        await HandleAsync(command.Trigger, command.Reply).ConfigureAwait(false);
                        break;
                    default:
                        await HandleAsync(message, null).ConfigureAwait(false);
                        break;
                }
                CheckWaiters();
            }
            catch (Exception exception)
            {
                // A failing effect must not take the actor down: the process would be lost to supervision.
                LogActorFault(_logger, Name, exception);
            }
        }
        foreach (var waiter in _waiters)
        {
            waiter.Completion.TrySetResult(_snapshot);
        }
    }

    /// <summary>
    /// One turn: the trigger, then the follow-ups its effects queued (and theirs), in order. A command is answered at
    /// the end of its turn, so its reply reflects a spawn's outcome.
    /// </summary>
    private async Task HandleAsync(Trigger trigger, TaskCompletionSource<CommandReply>? reply)
    {
        _turn = new Turn(reply, _core.State);
        try
        {
            var decision = await ApplyAsync(trigger).ConfigureAwait(false);
            while (_followUps.TryDequeue(out var followUp))
            {
                await ApplyAsync(followUp).ConfigureAwait(false);
            }
            _turn.Complete(decision.Rejection);
        }
        catch (Exception exception)
        {
            reply?.TrySetException(exception);
            throw;
        }
        finally
        {
            // Follow-ups belong to their turn; after a failed effect they must not run after the next trigger.
            _followUps.Clear();
            _turn = null;
        }
    }

    /// <summary>Decides and performs one trigger.</summary>
    private async Task<Decision> ApplyAsync(Trigger trigger)
    {
        if (trigger is ChildExited)
        {
            CloseStdin();
        }
        // The jitter sample spreads the retries of programs that crashed together (backoff_jitter).
        var sample = Config.Restart.Jitter > 0 ? Random.Shared.NextDouble() : 0.5;
        var decision = ProcessStateMachine.Decide(_core, trigger, Config, _services.Time.GetUtcNow(), sample);
        _core = decision.Core;
        _snapshot = Snapshot(decision.Core);
        foreach (var effect in decision.Effects)
        {
            await PerformAsync(effect).ConfigureAwait(false);
        }
        EndProbeUnlessStarting();
        return decision;
    }

    private void CheckWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            var waiter = _waiters[i];
            if (waiter.Completion.Task.IsCompleted || waiter.Until(_snapshot))
            {
                waiter.Completion.TrySetResult(_snapshot);
                _waiters.RemoveAt(i);
            }
        }
    }

    private ProcessSnapshot Snapshot(ProcessCore core) =>
        new(
            Name,
            Group,
            core.State,
            core.Pid,
            core.LastStart,
            core.LastStop,
            core.ExitStatus,
            core.SpawnError,
            core.EverStarted
        )
        {
            Note = Note(core),
            Waiting = core.WaitingFor is not null,
            ThrottleDelay = core.ThrottleDelay,
        };

    [LoggerMessage(
        EventId = ProcessLogEvents.ActorFault,
        Level = LogLevel.Error,
        Message = "internal error handling process {Name}"
    )]
    private static partial void LogActorFault(ILogger logger, string name, Exception exception);

    private sealed record AddWaiter(Waiter Waiter) : Trigger;

    private sealed record Waiter(Func<ProcessSnapshot, bool> Until, TaskCompletionSource<ProcessSnapshot> Completion);
}
