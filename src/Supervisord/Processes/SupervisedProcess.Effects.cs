using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The effects of transitions: spawning, signalling, timers, logging and state-change notification. What an effect
/// causes (a spawn's outcome, a failed kill) goes to the follow-up queue, never straight into the state machine.
/// </summary>
public sealed partial class SupervisedProcess
{
    private ITimer? _timer;
    private AnonymousPipeClientStream? _stdin;

    // Writes to stdin run off the loop (a child that does not read must not stall its actor), one after another.
    private Task _stdinTail = Task.CompletedTask;

    private async Task PerformAsync(Effect effect)
    {
        switch (effect)
        {
            case SpawnChild:
                await SpawnAsync().ConfigureAwait(false);
                break;
            case SendSignal signal:
                if (_services.Signals.Send(_core.Pid, signal.Signal, signal.ToGroup) is { } error)
                {
                    // A stop command whose kill failed answers FAILED (Supervisor's stopProcess), then the state turns UNKNOWN.
                    _turn?.Fail(error);
                    _followUps.Enqueue(new SignalFailed(error));
                }
                break;
            case SignalStrays strays:
                SignalStrayDescendants(strays.Signal);
                break;
            case DeliverSignal signal:
                if (_services.Signals.Send(_core.Pid, signal.Signal, toGroup: false) is { } failure)
                {
                    _turn?.Fail(failure);
                }
                break;
            case WriteStdin write:
                _stdinTail = WriteStdinAsync(_stdinTail, _stdin, write.Data, _turn?.Take(), _core.State);
                break;
            case StartTimer timer:
                DisposeTimer();
                _timer = _services.Time.CreateTimer(
                    _ => Post(new TimerFired(timer.Kind, timer.Token)),
                    null,
                    timer.Delay,
                    Timeout.InfiniteTimeSpan
                );
                break;
            case StartProbe probe:
                StartProbing(probe.Pid);
                break;
            case CancelTimer:
                DisposeTimer();
                break;
            case StateChanged changed:
                _events.Publish(
                    new ProcessStateChanged(
                        Name,
                        Group,
                        changed.From.Name(),
                        changed.To.Name(),
                        changed.Pid,
                        changed.Tries,
                        changed.Expected
                    )
                );
                break;
            case WriteLog line:
                ProcessLog.Write(_logger, line);
                break;
        }
    }

    private async Task SpawnAsync()
    {
        // A log that cannot be opened (even after its directory is recreated) is a spawn error, as Supervisor's
        // make_dispatchers fails; a file that opens but cannot take writes (a full disk) holds the output instead.
        foreach (var channel in (ReadOnlySpan<Logging.ChannelLog>)[Stdout, Stderr])
        {
            if (!channel.EnsureOpen())
            {
                _followUps.Enqueue(
                    new SpawnFailed(
                        $"unknown error making dispatchers for '{Name}': {channel.File?.LastErrno ?? "EIO"}"
                    )
                );
                return;
            }
        }
        PrepareReadiness();
        var (child, error) = await _services.Spawner.SpawnAsync(CreateSpawnRequest()).ConfigureAwait(false);
        if (child is null)
        {
            _followUps.Enqueue(new SpawnFailed(error!.Message));
            return;
        }

        var spawnedAt = _services.Time.GetTimestamp();
        CloseStdin();
        _stdin =
            child.StdinFd >= 0
                ? new AnonymousPipeClientStream(PipeDirection.Out, new SafePipeHandle(child.StdinFd, ownsHandle: true))
                : null;
        AttachOutput(child.StdoutFd, Stdout, Config.Stdout, OutputChannel.Stdout, child.Pid);
        if (child.StderrFd >= 0)
        {
            AttachOutput(child.StderrFd, Stderr, Config.Stderr, OutputChannel.Stderr, child.Pid);
        }
        _lifecycle.Spawned(this, child.Pid);
        _followUps.Enqueue(new SpawnSucceeded(child.Pid));
        // The exit arrives through the inbox, so it is handled after this turn, once the spawn is recorded.
        _services.Reaper.Watch(
            child.Pid,
            status =>
            {
                _lifecycle.Reaped(this, child.Pid);
                Post(new ChildExited(status, _services.Time.GetElapsedTime(spawnedAt), _restarts.IsOpen));
            }
        );
    }

    private static async Task WriteStdinAsync(
        Task previous,
        AnonymousPipeClientStream? stdin,
        ReadOnlyMemory<byte> data,
        TaskCompletionSource<CommandReply>? reply,
        ProcessState state
    )
    {
        await previous.ConfigureAwait(false);
        var outcome = new CommandReply(CommandOutcome.Accepted, state);
        try
        {
            if (stdin is null)
            {
                outcome = new CommandReply(CommandOutcome.Failed, state, "the process has no stdin pipe");
            }
            else
            {
                await stdin.WriteAsync(data).ConfigureAwait(false);
                await stdin.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The child closed its stdin or exited meanwhile (its pipe is closed at the exit).
            outcome = new CommandReply(CommandOutcome.Failed, state, exception.Message);
        }
        reply?.TrySetResult(outcome);
    }

    /// <summary>
    /// The descendants outside the process group, and the orphans the daemon adopted, get the signal; each one that
    /// is the daemon's child is handed to the reaper so that it does not stay a zombie.
    /// </summary>
    private void SignalStrayDescendants(int signal)
    {
        var strays = StrayProcesses.Find(_core.Pid, Name, Group, _services.Reaper.IsProgram);
        if (strays.Count == 0)
        {
            return;
        }
        StrayProcesses.Signal(strays, signal);
        var self = System.Environment.ProcessId;
        foreach (var pid in strays)
        {
            if (Platform.ProcTable.Stat(pid)?.ParentPid == self)
            {
                _services.Reaper.Adopt(pid);
            }
        }
        LogStrays(_logger, Name, strays.Count, Platform.SignalTable.Name(signal));
    }

    [Microsoft.Extensions.Logging.LoggerMessage(
        EventId = ProcessLogEvents.StraysSignalled,
        Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "{Name}: {Count} descendant(s) outside its process group sent {Signal}"
    )]
    private static partial void LogStrays(
        Microsoft.Extensions.Logging.ILogger logger,
        string name,
        int count,
        string signal
    );

    private void CloseStdin()
    {
        _stdin?.Dispose();
        _stdin = null;
    }

    private void DisposeTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
