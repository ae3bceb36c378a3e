namespace Supervise.Supervisord.Operations;

/// <summary>
/// A call that failed with one of Supervisor's faults (its RPCError). Each control surface turns it into its own wire
/// form: a gRPC status with the code in a trailer, an XML-RPC &lt;fault&gt;, a message on the web page.
/// </summary>
public sealed class SupervisorFault : Exception
{
    public SupervisorFault(FaultCode code, string? detail = null)
        : base(FaultNames.Text(code, detail))
    {
        Code = code;
        Detail = detail;
    }

    public SupervisorFault()
        : this(FaultCode.Failed) { }

    public SupervisorFault(string message)
        : this(FaultCode.Failed, message) { }

    public SupervisorFault(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = FaultCode.Failed;
    }

    public FaultCode Code { get; }

    /// <summary>The fault of a failed process outcome, whose description is already the fault text ("NAME: detail").</summary>
    public static SupervisorFault Of(ProcessOutcome outcome)
    {
        var prefix = FaultNames.Of(outcome.Code);
        var detail =
            outcome.Description == prefix ? null
            : outcome.Description.StartsWith(prefix + ": ", StringComparison.Ordinal)
                ? outcome.Description[(prefix.Length + 2)..]
            : outcome.Description;
        return new SupervisorFault(outcome.Code, detail);
    }

    public string? Detail { get; }
}
