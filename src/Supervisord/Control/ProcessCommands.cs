using Supervise.Protocol.V1;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;
using ProcessState = Supervise.Supervisord.Processes.ProcessState;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Start, stop and signal one process with Supervisor's rpcinterface semantics and faults: the checks before acting,
/// then (when asked to wait) the wait for the outcome — RUNNING for a start, a stopped state for a stop.
/// </summary>
public static class ProcessCommands
{
    public static async Task<ProcessResult> StartAsync(SupervisedProcess process, bool wait, CancellationToken cancellationToken)
    {
        var state = process.Current.State;
        if (state.IsRunning())
        {
            return Result(process, Fault.AlreadyStarted, "ALREADY_STARTED: " + process.Current.Namespec);
        }
        if (state == ProcessState.Unknown)
        {
            return Result(process, Fault.Failed, $"FAILED: {process.Current.Namespec} is in an unknown process state");
        }
        if (state == ProcessState.Stopping)
        {
            return Result(process, Fault.AbnormalTermination, "ABNORMAL_TERMINATION: " + process.Current.Namespec);
        }
        // Test the command first: don't bother spawning what is known to fail (Supervisor's startProcess does the same).
        var request = process.CreateSpawnRequest();
        var path = request.Environment.LastOrDefault(e => e.Key == "PATH").Value;
        var (_, _, error) = CommandResolver.Resolve(request.Command, path);
        if (error is not null)
        {
            var fault = error.Kind == SpawnErrorKind.NotFound ? Fault.NoFile : error.Kind == SpawnErrorKind.NotExecutable ? Fault.NotExecutable : Fault.SpawnError;
            return Result(process, fault, error.Message);
        }

        process.Post(new StartRequested(Manual: true));
        if (!wait)
        {
            return Result(process, Fault.Success, "OK");
        }
        var outcome = await process.WaitForAsync(
            s => s.SpawnError is not null || s.State != ProcessState.Starting, cancellationToken).ConfigureAwait(false);
        if (outcome.SpawnError is not null)
        {
            return Result(process, Fault.SpawnError, "SPAWN_ERROR: " + process.Current.Namespec);
        }
        return outcome.State == ProcessState.Running
            ? Result(process, Fault.Success, "OK")
            : Result(process, Fault.AbnormalTermination, "ABNORMAL_TERMINATION: " + process.Current.Namespec);
    }

    public static async Task<ProcessResult> StopAsync(SupervisedProcess process, bool wait, CancellationToken cancellationToken)
    {
        if (!process.Current.State.IsRunning())
        {
            return Result(process, Fault.NotRunning, "NOT_RUNNING: " + process.Current.Namespec);
        }
        process.Post(new StopRequested());
        if (wait)
        {
            await process.WaitForAsync(s => s.State.IsStopped(), cancellationToken).ConfigureAwait(false);
        }
        return Result(process, Fault.Success, "OK");
    }

    public static ProcessResult Signal(SupervisedProcess process, int signal)
    {
        var snapshot = process.Current;
        if (!snapshot.State.IsSignallable())
        {
            return Result(process, Fault.NotRunning, "NOT_RUNNING: " + snapshot.Namespec);
        }
        var (outcome, errno) = Platform.Signals.Send(snapshot.Pid, signal, toGroup: false);
        return outcome == Platform.Signals.Outcome.Failed
            ? Result(process, Fault.Failed, $"FAILED: {ErrnoNames.Name(errno)}")
            : Result(process, Fault.Success, "OK");
    }

    public static ProcessResult Result(SupervisedProcess process, Fault fault, string description) =>
        new() { Name = process.Name, Group = process.Group, Fault = fault, Description = description };
}
