using Supervise.Protocol.V1;

namespace Supervise.Protocol;

/// <summary>Supervisor's fault names (xmlrpc.Faults) by code: the one table, for the daemon's faults and the ctl's.</summary>
public static class FaultNames
{
    public static string Of(Fault fault) => Of((int)fault);

    public static string Of(int code) =>
        code switch
        {
            1 => "UNKNOWN_METHOD",
            2 => "INCORRECT_PARAMETERS",
            3 => "BAD_ARGUMENTS",
            4 => "SIGNATURE_UNSUPPORTED",
            6 => "SHUTDOWN_STATE",
            10 => "BAD_NAME",
            11 => "BAD_SIGNAL",
            20 => "NO_FILE",
            21 => "NOT_EXECUTABLE",
            30 => "FAILED",
            40 => "ABNORMAL_TERMINATION",
            50 => "SPAWN_ERROR",
            60 => "ALREADY_STARTED",
            70 => "NOT_RUNNING",
            80 => "SUCCESS",
            90 => "ALREADY_ADDED",
            91 => "STILL_RUNNING",
            92 => "CANT_REREAD",
            _ => "UNKNOWN",
        };
}
