namespace Supervise.Supervisord.Metrics;

/// <summary>How a control call ended: answered, answered with one of Supervisor's faults, or failed in the daemon.</summary>
public enum CallOutcome
{
    Ok,
    Fault,
    Error,
}

public static class CallOutcomes
{
    /// <summary>The <c>outcome</c> label's values, indexed by <see cref="CallOutcome"/>.</summary>
    public static readonly string[] Names = ["ok", "fault", "error"];
}
