namespace Supervise.Supervisord.Processes;

/// <summary>
/// A process actor's answer to a command, decided on its loop, so that a caller derives Supervisor's faults
/// (ALREADY_STARTED, NOT_RUNNING, ...) from it instead of from a snapshot that may already be stale.
/// </summary>
/// <param name="State">The state the command found: the one that refused it, for a rejection.</param>
/// <param name="Error">Why: the rejection, or the failure (an errno name for a signal, for example).</param>
public sealed record CommandReply(CommandOutcome Outcome, ProcessState State, string? Error = null)
{
    public bool Accepted => Outcome == CommandOutcome.Accepted;
}
