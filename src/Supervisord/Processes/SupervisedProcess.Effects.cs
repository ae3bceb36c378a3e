using System.IO.Pipes;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Spawning;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Processes;

/// <summary>The effects of transitions: spawning, signalling, timers, logging and state-change notification.</summary>
public sealed partial class SupervisedProcess
{
    private ITimer? _timer;
    private AnonymousPipeClientStream? _stdin;

    private async Task PerformAsync(Effect effect)
    {
        switch (effect)
        {
            case SpawnChild:
                await SpawnAsync().ConfigureAwait(false);
                break;
            case SendSignal signal:
                var (outcome, errno) = Signals.Send(_core.Pid, signal.Signal, signal.ToGroup);
                if (outcome == Signals.Outcome.Failed)
                {
                    await ApplyAsync(new SignalFailed(ErrnoNames.Name(errno))).ConfigureAwait(false);
                }
                break;
            case StartTimer timer:
                DisposeTimer();
                _timer = _host.Time.CreateTimer(_ => Post(new TimerFired(timer.Kind, timer.Token)), null, timer.Delay, Timeout.InfiniteTimeSpan);
                break;
            case CancelTimer:
                DisposeTimer();
                break;
            case StateChanged changed:
                _host.OnStateChanged(this, changed);
                break;
            case WriteLog log:
                LogLine(_logger, log.Level, log.Message);
                break;
        }
    }

    private async Task SpawnAsync()
    {
        Stdout.EnsureOpen();
        Stderr.EnsureOpen();
        var (child, error) = await _host.Spawner.SpawnAsync(CreateSpawnRequest()).ConfigureAwait(false);
        if (child is null)
        {
            await ApplyAsync(new SpawnFailed(error!.Message)).ConfigureAwait(false);
            return;
        }

        var spawnedAt = _host.Time.GetTimestamp();
        CloseStdin();
        _stdin = child.StdinFd >= 0 ? new AnonymousPipeClientStream(PipeDirection.Out, new SafePipeHandle(child.StdinFd, ownsHandle: true)) : null;
        _ = _host.Output.Attach(child.StdoutFd, Stdout, _host.StripAnsi);
        if (child.StderrFd >= 0)
        {
            _ = _host.Output.Attach(child.StderrFd, Stderr, _host.StripAnsi);
        }
        _host.OnSpawned(this, child.Pid);
        await ApplyAsync(new SpawnSucceeded(child.Pid)).ConfigureAwait(false);
        _host.Reaper.Watch(child.Pid, status =>
        {
            _host.OnReaped(this, child.Pid);
            Post(new ChildExited(status, _host.Time.GetElapsedTime(spawnedAt), _host.MayRestart));
        });
    }

    /// <summary>Writes to the child's stdin; false when the child is not running or closed its stdin.</summary>
    public async Task<bool> WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var stdin = _stdin;
        if (stdin is null || !_snapshot.State.IsSignallable())
        {
            return false;
        }
        try
        {
            await stdin.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            return false;
        }
    }

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

    [LoggerMessage(EventId = 100, Message = "{Message}")]
    private static partial void LogLine(ILogger logger, LogLevel level, string message);
}
