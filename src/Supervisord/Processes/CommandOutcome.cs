namespace Supervise.Supervisord.Processes;

public enum CommandOutcome
{
    /// <summary>The state allowed the command and its effects were performed.</summary>
    Accepted,

    /// <summary>The state does not allow the command; nothing was done.</summary>
    Rejected,

    /// <summary>The state allowed it, but performing it failed (kill() or the stdin write); the state is unchanged.</summary>
    Failed,
}
