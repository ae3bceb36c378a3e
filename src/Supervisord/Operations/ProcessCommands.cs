using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Operations;

/// <summary>
/// Start, stop and signal one process with Supervisor's rpcinterface semantics and faults, derived from the actor's
/// reply (the state that refused a command, or why performing it failed), then (when asked to wait) the wait for
/// the outcome — RUNNING for a start, a stopped state for a stop.
/// </summary>
public static class ProcessCommands
{
    public static async Task<ProcessOutcome> StartAsync(
        SupervisedProcess process,
        bool wait,
        CancellationToken cancellationToken
    ) =>
        await (await BeginStartAsync(process, wait, null, cancellationToken).ConfigureAwait(false)).ConfigureAwait(
            false
        );

    /// <summary>
    /// Sends the start (a hold when <paramref name="waitingFor"/> is set: the process waits for its dependencies) and
    /// completes once it is answered, with the task of the outcome, so that a plan can send the next level's commands
    /// while this one still waits for RUNNING.
    /// </summary>
    public static async Task<Task<ProcessOutcome>> BeginStartAsync(
        SupervisedProcess process,
        bool wait,
        string? waitingFor,
        CancellationToken cancellationToken
    )
    {
        var namespec = process.Current.Namespec;
        // Test the command first: don't bother spawning what is known to fail (Supervisor's startProcess does the same).
        var request = process.CreateSpawnRequest();
        var path = request.Environment.LastOrDefault(e => e.Key == "PATH").Value;
        var (_, _, error) = CommandResolver.Resolve(request.Command, path);
        if (error is not null)
        {
            var fault = error.Kind switch
            {
                SpawnErrorKind.NotFound => FaultCode.NoFile,
                SpawnErrorKind.NotExecutable => FaultCode.NotExecutable,
                _ => FaultCode.SpawnError,
            };
            return Task.FromResult(Outcome(process, fault, FaultNames.Text(fault, error.Message)));
        }

        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var replied = waitingFor is null
            ? process.StartAsync(cancellationToken)
            : process.HoldAsync(waitingFor, manual: true, cancellationToken);
        // Posted right after the command, so it sees exactly the states that follow the start.
        var settled = wait
            ? process.WaitForAsync(s => s.SpawnError is not null || s.State != ProcessState.Starting, abandon.Token)
            : null;
        CommandReply reply;
        try
        {
            reply = await replied.ConfigureAwait(false);
        }
        catch
        {
            abandon.Dispose();
            throw;
        }
        if (!reply.Accepted)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            abandon.Dispose();
            return Task.FromResult(
                reply.State switch
                {
                    ProcessState.Running or ProcessState.Starting or ProcessState.Backoff => Outcome(
                        process,
                        FaultCode.AlreadyStarted,
                        "ALREADY_STARTED: " + namespec
                    ),
                    ProcessState.Unknown => Outcome(
                        process,
                        FaultCode.Failed,
                        $"FAILED: {namespec} is in an unknown process state"
                    ),
                    ProcessState.Stopping => Outcome(
                        process,
                        FaultCode.AbnormalTermination,
                        "ABNORMAL_TERMINATION: " + namespec
                    ),
                    _ => Outcome(process, FaultCode.Failed, $"FAILED: {reply.Error}"),
                }
            );
        }
        if (settled is null)
        {
            abandon.Dispose();
            return Task.FromResult(Ok(process));
        }
        return SettleAsync(process, settled, abandon);
    }

    private static async Task<ProcessOutcome> SettleAsync(
        SupervisedProcess process,
        Task<ProcessSnapshot> settled,
        CancellationTokenSource abandon
    )
    {
        using var _ = abandon;
        var namespec = process.Current.Namespec;
        var outcome = await settled.ConfigureAwait(false);
        if (outcome.SpawnError is not null)
        {
            return Outcome(process, FaultCode.SpawnError, "SPAWN_ERROR: " + namespec);
        }
        return outcome.State == ProcessState.Running
            ? Ok(process)
            : Outcome(process, FaultCode.AbnormalTermination, "ABNORMAL_TERMINATION: " + namespec);
    }

    public static async Task<ProcessOutcome> StopAsync(
        SupervisedProcess process,
        bool wait,
        CancellationToken cancellationToken
    )
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var replied = process.StopAsync(cancellationToken);
        var stopped = wait ? process.WaitForAsync(s => s.State.IsStopped(), abandon.Token) : null;
        var reply = await replied.ConfigureAwait(false);
        if (!reply.Accepted)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            // A kill that failed answers FAILED (Supervisor's stopProcess); a state with nothing to stop, NOT_RUNNING.
            return reply.Outcome == CommandOutcome.Failed
                ? Outcome(process, FaultCode.Failed, $"FAILED: {reply.Error}")
                : Outcome(process, FaultCode.NotRunning, "NOT_RUNNING: " + process.Current.Namespec);
        }
        if (stopped is not null)
        {
            await stopped.ConfigureAwait(false);
        }
        return Ok(process);
    }

    public static async Task<ProcessOutcome> SignalAsync(
        SupervisedProcess process,
        int signal,
        CancellationToken cancellationToken
    )
    {
        var reply = await process.SignalAsync(signal, cancellationToken).ConfigureAwait(false);
        return reply.Outcome switch
        {
            CommandOutcome.Accepted => Ok(process),
            CommandOutcome.Failed => Outcome(process, FaultCode.Failed, $"FAILED: {reply.Error}"),
            _ => Outcome(process, FaultCode.NotRunning, "NOT_RUNNING: " + process.Current.Namespec),
        };
    }

    public static ProcessOutcome Ok(SupervisedProcess process) => Outcome(process, FaultCode.Success, "OK");

    public static ProcessOutcome Outcome(SupervisedProcess process, FaultCode code, string description) =>
        new(process.Name, process.Group, code, description);
}
