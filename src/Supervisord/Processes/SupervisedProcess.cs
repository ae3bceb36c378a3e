using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProcessConfig = Supervise.Supervisord.Configuration.Model.ProcessConfig;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// One configured process as an actor: triggers arrive on one channel and are handled one at a time by one loop, which
/// is the only writer of the process's state. The pure <see cref="ProcessStateMachine"/> decides; this class performs
/// the effects (spawn, signal, timers, logging) and publishes an immutable <see cref="ProcessSnapshot"/> that readers
/// take without locks. Exits come from the reaper thread and timers from the TimeProvider, both as triggers.
/// </summary>
public sealed partial class SupervisedProcess : IAsyncDisposable
{
    private readonly Channel<Trigger> _inbox = Channel.CreateUnbounded<Trigger>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ProcessHost _host;
    private readonly ILogger _logger;
    private readonly List<Waiter> _waiters = [];
    private readonly Task _loop;
    private ProcessCore _core = ProcessCore.Initial;
    private volatile ProcessSnapshot _snapshot;

    public SupervisedProcess(ProcessConfig config, string group, ChannelLog stdout, ChannelLog stderr, ProcessHost host)
    {
        Config = config;
        Group = group;
        Stdout = stdout;
        Stderr = stderr;
        _host = host;
        _logger = host.Logger;
        _snapshot = Snapshot(_core);
        _loop = Task.Run(RunAsync);
    }

    public ProcessConfig Config { get; }

    public string Group { get; }

    public string Name => Config.Name;

    public ChannelLog Stdout { get; }

    public ChannelLog Stderr { get; }

    public ProcessSnapshot Current => _snapshot;

    public Spawning.SpawnRequest CreateSpawnRequest() => _host.CreateSpawnRequest(this) with { StdinFd = StdinFd };

    /// <summary>Given to the child as fd 0 instead of a pipe: the [fcgi-program] group's listening socket.</summary>
    public int StdinFd { get; init; } = -1;

    public void Post(Trigger trigger) => _inbox.Writer.TryWrite(trigger);

    /// <summary>
    /// Completes with the first snapshot, taken after every trigger posted before this call was handled, for which
    /// <paramref name="until"/> holds.
    /// </summary>
    public Task<ProcessSnapshot> WaitForAsync(Func<ProcessSnapshot, bool> until, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(until, new TaskCompletionSource<ProcessSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously));
        cancellationToken.Register(() => waiter.Completion.TrySetCanceled(cancellationToken));
        Post(new AddWaiter(waiter));
        return waiter.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        DisposeTimer();
        CloseStdin();
        Stdout.Dispose();
        Stderr.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var trigger in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (trigger is AddWaiter add)
                {
                    _waiters.Add(add.Waiter);
                }
                else
                {
                    await ApplyAsync(trigger).ConfigureAwait(false);
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

    /// <summary>Decides and performs one trigger; the loop takes no other trigger until a spawn in flight has its outcome.</summary>
    private async Task ApplyAsync(Trigger trigger)
    {
        if (trigger is ChildExited)
        {
            CloseStdin();
        }
        var (next, effects) = ProcessStateMachine.Decide(_core, trigger, Config, _host.Time.GetUtcNow());
        _core = next;
        _snapshot = Snapshot(next);
        foreach (var effect in effects)
        {
            await PerformAsync(effect).ConfigureAwait(false);
        }
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
        new(Name, Group, core.State, core.Pid, core.LastStart, core.LastStop, core.ExitStatus, core.SpawnError, core.EverStarted);

    [LoggerMessage(EventId = 190, Level = LogLevel.Error, Message = "internal error handling process {Name}")]
    private static partial void LogActorFault(ILogger logger, string name, Exception exception);

    private sealed record AddWaiter(Waiter Waiter) : Trigger;

    private sealed record Waiter(Func<ProcessSnapshot, bool> Until, TaskCompletionSource<ProcessSnapshot> Completion);
}
