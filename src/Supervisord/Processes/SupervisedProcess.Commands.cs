namespace Supervise.Supervisord.Processes;

/// <summary>
/// The commands: the only way to drive a process from outside this folder. Each is decided on the actor's loop and
/// answered with a <see cref="CommandReply"/> at the end of its turn.
/// </summary>
public sealed partial class SupervisedProcess
{
    private Turn? _turn;

    /// <summary>A manual start (supervisorctl start): allowed in STOPPED, EXITED and FATAL.</summary>
    public Task<CommandReply> StartAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new StartRequested(Manual: true), cancellationToken);

    /// <summary>Stop: the stop signal in RUNNING and STARTING, straight to STOPPED in BACKOFF.</summary>
    public Task<CommandReply> StopAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new StopRequested(), cancellationToken);

    /// <summary>kill(pid, signal) of the current child, in RUNNING, STARTING and STOPPING.</summary>
    public Task<CommandReply> SignalAsync(int signal, CancellationToken cancellationToken = default) =>
        SendAsync(new SignalRequested(signal), cancellationToken);

    /// <summary>Writes to the child's stdin; Failed when the child has no stdin pipe or closed it.</summary>
    public Task<CommandReply> WriteStdinAsync(
        ReadOnlyMemory<byte> data,
        CancellationToken cancellationToken = default
    ) => SendAsync(new StdinWriteRequested(data), cancellationToken);

    /// <summary>autostart: the start that boot and <c>add</c> give a process that never ran.</summary>
    internal Task<CommandReply> AutostartAsync() =>
        SendAsync(new StartRequested(Manual: false), CancellationToken.None);

    /// <summary>Shutdown's stop_all for a process in BACKOFF: it becomes FATAL instead of retrying.</summary>
    internal Task<CommandReply> GiveUpAsync() => SendAsync(new GiveUp(), CancellationToken.None);

    /// <summary>
    /// Completes with the first snapshot, taken after every command or trigger posted before this call was handled,
    /// for which <paramref name="until"/> holds. Called right after a command (before awaiting its reply), it
    /// observes exactly the states that follow that command.
    /// </summary>
    public Task<ProcessSnapshot> WaitForAsync(Func<ProcessSnapshot, bool> until, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(
            until,
            new TaskCompletionSource<ProcessSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously)
        );
        cancellationToken.Register(() => waiter.Completion.TrySetCanceled(cancellationToken));
        if (!Post(new AddWaiter(waiter)))
        {
            waiter.Completion.TrySetResult(_snapshot);
        }
        return waiter.Completion.Task;
    }

    private Task<CommandReply> SendAsync(Trigger trigger, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<CommandReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(new Command(trigger, reply)))
        {
            reply.TrySetResult(new CommandReply(CommandOutcome.Rejected, _snapshot.State, "the process was removed"));
        }
        return reply.Task.WaitAsync(cancellationToken);
    }

    private sealed record Command(Trigger Trigger, TaskCompletionSource<CommandReply> Reply) : Trigger;

    /// <summary>The command being handled, if any: effects report a failure into it, or take it over (stdin).</summary>
    private sealed class Turn(TaskCompletionSource<CommandReply>? reply, ProcessState found)
    {
        private string? _failure;
        private TaskCompletionSource<CommandReply>? _reply = reply;

        public ProcessState Found { get; } = found;

        public void Fail(string error) => _failure ??= error;

        /// <summary>Hands the reply to an effect that completes after the turn; null for an internal trigger.</summary>
        public TaskCompletionSource<CommandReply>? Take()
        {
            var reply = _reply;
            _reply = null;
            return reply;
        }

        public void Complete(Rejection? rejection) =>
            _reply?.TrySetResult(
                rejection is not null ? new CommandReply(CommandOutcome.Rejected, Found, rejection.Message)
                : _failure is not null ? new CommandReply(CommandOutcome.Failed, Found, _failure)
                : new CommandReply(CommandOutcome.Accepted, Found)
            );
    }
}
