namespace Supervise.Protocol;

/// <summary>Supervisor's process state names by code (states.py): the one table, for the daemon and the ctl.</summary>
public static class StateNames
{
    public static string Of(int code) =>
        code switch
        {
            0 => "STOPPED",
            10 => "STARTING",
            20 => "RUNNING",
            30 => "BACKOFF",
            40 => "STOPPING",
            100 => "EXITED",
            200 => "FATAL",
            _ => "UNKNOWN",
        };
}
