namespace Supervise.Supervisord.Operations;

/// <summary>Supervisor's fault names (the attribute names of xmlrpc.Faults).</summary>
public static class FaultNames
{
    public static string Of(FaultCode code) => code switch
    {
        FaultCode.UnknownMethod => "UNKNOWN_METHOD",
        FaultCode.IncorrectParameters => "INCORRECT_PARAMETERS",
        FaultCode.BadArguments => "BAD_ARGUMENTS",
        FaultCode.SignatureUnsupported => "SIGNATURE_UNSUPPORTED",
        FaultCode.ShutdownState => "SHUTDOWN_STATE",
        FaultCode.BadName => "BAD_NAME",
        FaultCode.BadSignal => "BAD_SIGNAL",
        FaultCode.NoFile => "NO_FILE",
        FaultCode.NotExecutable => "NOT_EXECUTABLE",
        FaultCode.Failed => "FAILED",
        FaultCode.AbnormalTermination => "ABNORMAL_TERMINATION",
        FaultCode.SpawnError => "SPAWN_ERROR",
        FaultCode.AlreadyStarted => "ALREADY_STARTED",
        FaultCode.NotRunning => "NOT_RUNNING",
        FaultCode.Success => "SUCCESS",
        FaultCode.AlreadyAdded => "ALREADY_ADDED",
        FaultCode.StillRunning => "STILL_RUNNING",
        FaultCode.CantReread => "CANT_REREAD",
        _ => "UNKNOWN",
    };

    /// <summary>Supervisor's faultString: "NAME", or "NAME: detail" (RPCError.__init__).</summary>
    public static string Text(FaultCode code, string? detail) => detail is null ? Of(code) : $"{Of(code)}: {detail}";
}
