using Supervise.Protocol.V1;

namespace Supervise.Protocol;

/// <summary>Supervisor's fault names (xmlrpc.Faults) for the protocol's Fault values.</summary>
public static class FaultNames
{
    public static string Of(Fault fault) => fault switch
    {
        Fault.UnknownMethod => "UNKNOWN_METHOD",
        Fault.IncorrectParameters => "INCORRECT_PARAMETERS",
        Fault.BadArguments => "BAD_ARGUMENTS",
        Fault.SignatureUnsupported => "SIGNATURE_UNSUPPORTED",
        Fault.ShutdownState => "SHUTDOWN_STATE",
        Fault.BadName => "BAD_NAME",
        Fault.BadSignal => "BAD_SIGNAL",
        Fault.NoFile => "NO_FILE",
        Fault.NotExecutable => "NOT_EXECUTABLE",
        Fault.Failed => "FAILED",
        Fault.AbnormalTermination => "ABNORMAL_TERMINATION",
        Fault.SpawnError => "SPAWN_ERROR",
        Fault.AlreadyStarted => "ALREADY_STARTED",
        Fault.NotRunning => "NOT_RUNNING",
        Fault.Success => "SUCCESS",
        Fault.AlreadyAdded => "ALREADY_ADDED",
        Fault.StillRunning => "STILL_RUNNING",
        Fault.CantReread => "CANT_REREAD",
        _ => "UNKNOWN",
    };
}
