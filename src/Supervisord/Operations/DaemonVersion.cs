namespace Supervise.Supervisord.Operations;

/// <summary>Versions the daemon reports: its own, Supervisor's that it stands in for, and the XML-RPC API's.</summary>
public static class DaemonVersion
{
    public const string Value = "0.1.0";

    /// <summary>What getSupervisorVersion answers: tools (Datadog) parse it as Supervisor's version.</summary>
    public const string Supervisor = "4.2.5";

    /// <summary>rpcinterface.API_VERSION: Python's supervisorctl refuses any other answer to getVersion.</summary>
    public const string Api = "3.0";
}
