using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes.Readiness;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// depends_on= and ready= in the actor (not Supervisor's). A ready= probe runs only while the process is STARTING
/// with a child: one loop of attempts spaced by ready_interval, ended as soon as the state changes, so nothing wakes
/// up when no probe is pending. A ready=notify program gets its own <see cref="NotifySocket"/>, created at its first
/// spawn and kept until the process is removed; its STATUS= text shows in the description.
/// </summary>
public sealed partial class SupervisedProcess
{
    private CancellationTokenSource? _probe;
    private NotifySocket? _notify;
    private string? _notifyStatus;

    /// <summary>Starts in STARTING without spawning: the process waits for its dependencies (see <see cref="ReleaseAsync"/>).</summary>
    public Task<CommandReply> HoldAsync(
        string waitingFor,
        bool manual,
        CancellationToken cancellationToken = default
    ) => SendAsync(new HoldRequested(waitingFor, manual), cancellationToken);

    /// <summary>The dependencies of a held start are ready: spawn.</summary>
    public Task<CommandReply> ReleaseAsync() => SendAsync(new DependenciesReady(), CancellationToken.None);

    /// <summary>A dependency of a held start will not become ready: FATAL, with the reason as the spawn error.</summary>
    public Task<CommandReply> AbandonAsync(string reason) =>
        SendAsync(new DependencyFailed(reason), CancellationToken.None);

    private SpawnRequest WithNotifySocket(SpawnRequest request) =>
        _notify is null
            ? request
            : request with
            {
                Environment = [.. request.Environment, new("NOTIFY_SOCKET", _notify.Name)],
            };

    private void PrepareReadiness()
    {
        _notifyStatus = null;
        if (Config.Readiness.Probe.Kind == ReadyKind.Notify)
        {
            _notify ??= new NotifySocket(message => Post(new NotifyReceived(message)));
        }
    }

    private void StartProbing(int pid)
    {
        EndProbe();
        var readiness = Config.Readiness;
        if (readiness.Probe.Kind == ReadyKind.Notify)
        {
            return; // READY=1 arrives on the notify socket.
        }
        _probe = new CancellationTokenSource();
        _ = ProbeAsync(pid, readiness, CreateSpawnRequest(), _probe.Token);
    }

    private async Task ProbeAsync(
        int pid,
        ReadinessConfig readiness,
        SpawnRequest program,
        CancellationToken cancellationToken
    )
    {
        try
        {
            while (true)
            {
                var probe = readiness.Probe;
                var ready = probe.Kind switch
                {
                    ReadyKind.Tcp => await ReadyProbes
                        .TcpAsync(probe.Target, readiness.Timeout, cancellationToken)
                        .ConfigureAwait(false),
                    ReadyKind.Http => await ReadyProbes
                        .HttpAsync(probe.Target, readiness.Timeout, cancellationToken)
                        .ConfigureAwait(false),
                    _ => await ReadyProbes
                        .ExecAsync(_services, program, probe.Target, readiness.Timeout, cancellationToken)
                        .ConfigureAwait(false),
                };
                if (ready)
                {
                    Post(new ProbePassed(pid));
                    return;
                }
                await Task.Delay(readiness.Interval, _services.Time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The process left STARTING: the probe is no longer wanted.
        }
        catch (Exception exception)
        {
            LogProbeFault(_logger, Name, exception);
        }
    }

    /// <summary>Called after every transition: a probe only runs while its child is STARTING.</summary>
    private void EndProbeUnlessStarting()
    {
        if (_probe is not null && (_core.State != ProcessState.Starting || _core.Pid == 0))
        {
            EndProbe();
        }
    }

    private void EndProbe()
    {
        _probe?.Cancel();
        _probe?.Dispose();
        _probe = null;
    }

    private async Task OnNotifyAsync(NotifyMessage message)
    {
        if (message.Status is { } status)
        {
            _notifyStatus = status;
            _snapshot = Snapshot(_core);
        }
        if (message.Ready)
        {
            await HandleAsync(new ProbePassed(0), null).ConfigureAwait(false);
        }
    }

    private void DisposeReadiness()
    {
        EndProbe();
        _notify?.Dispose();
        _notify = null;
    }

    /// <summary>The description's extra text: what a held start waits for, else the child's last STATUS=.</summary>
    private string? Note(ProcessCore core) => core.WaitingFor ?? _notifyStatus;

    [LoggerMessage(
        EventId = ProcessLogEvents.ProbeFault,
        Level = LogLevel.Error,
        Message = "internal error probing the readiness of {Name}"
    )]
    private static partial void LogProbeFault(ILogger logger, string name, Exception exception);

    private sealed record NotifyReceived(NotifyMessage Message) : Trigger;
}
