namespace Supervise.Supervisord.Operations;

/// <summary>Supervisor's fault names and fault strings for the daemon's <see cref="FaultCode"/>s.</summary>
public static class FaultNames
{
    public static string Of(FaultCode code) => Protocol.FaultNames.Of((int)code);

    /// <summary>Supervisor's faultString: "NAME", or "NAME: detail" (RPCError.__init__).</summary>
    public static string Text(FaultCode code, string? detail) => detail is null ? Of(code) : $"{Of(code)}: {detail}";
}
