using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Operations;

/// <summary>
/// Start, stop and signal one process with Supervisor's rpcinterface semantics and faults: the checks before acting,
/// then (when asked to wait) the wait for the outcome — RUNNING for a start, a stopped state for a stop.
/// </summary>
public static class ProcessCommands
{
    public static async Task<ProcessOutcome> StartAsync(SupervisedProcess process, bool wait, CancellationToken cancellationToken)
    {
        var state = process.Current.State;
        var namespec = process.Current.Namespec;
        if (state.IsRunning())
        {
            return Outcome(process, FaultCode.AlreadyStarted, "ALREADY_STARTED: " + namespec);
        }
        if (state == ProcessState.Unknown)
        {
            return Outcome(process, FaultCode.Failed, $"FAILED: {namespec} is in an unknown process state");
        }
        if (state == ProcessState.Stopping)
        {
            return Outcome(process, FaultCode.AbnormalTermination, "ABNORMAL_TERMINATION: " + namespec);
        }
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
            return Outcome(process, fault, FaultNames.Text(fault, error.Message));
        }

        process.Post(new StartRequested(Manual: true));
        if (!wait)
        {
            return Ok(process);
        }
        var outcome = await process.WaitForAsync(
            s => s.SpawnError is not null || s.State != ProcessState.Starting, cancellationToken).ConfigureAwait(false);
        if (outcome.SpawnError is not null)
        {
            return Outcome(process, FaultCode.SpawnError, "SPAWN_ERROR: " + namespec);
        }
        return outcome.State == ProcessState.Running
            ? Ok(process)
            : Outcome(process, FaultCode.AbnormalTermination, "ABNORMAL_TERMINATION: " + namespec);
    }

    public static async Task<ProcessOutcome> StopAsync(SupervisedProcess process, bool wait, CancellationToken cancellationToken)
    {
        if (!process.Current.State.IsRunning())
        {
            return Outcome(process, FaultCode.NotRunning, "NOT_RUNNING: " + process.Current.Namespec);
        }
        process.Post(new StopRequested());
        if (wait)
        {
            await process.WaitForAsync(s => s.State.IsStopped(), cancellationToken).ConfigureAwait(false);
        }
        return Ok(process);
    }

    public static ProcessOutcome Signal(SupervisedProcess process, int signal)
    {
        var snapshot = process.Current;
        if (!snapshot.State.IsSignallable())
        {
            return Outcome(process, FaultCode.NotRunning, "NOT_RUNNING: " + snapshot.Namespec);
        }
        var (outcome, errno) = Platform.Signals.Send(snapshot.Pid, signal, toGroup: false);
        return outcome == Platform.Signals.Outcome.Failed
            ? Outcome(process, FaultCode.Failed, $"FAILED: {Platform.Errno.Name(errno)}")
            : Ok(process);
    }

    public static ProcessOutcome Ok(SupervisedProcess process) => Outcome(process, FaultCode.Success, "OK");

    public static ProcessOutcome Outcome(SupervisedProcess process, FaultCode code, string description) =>
        new(process.Name, process.Group, code, description);
}
