namespace Supervise.Supervisord.Configuration.Model;

/// <summary>A whole, validated configuration: the main file plus everything it includes.</summary>
/// <param name="SourcePath">Absolute path of the main configuration file.</param>
/// <param name="Groups">Process groups sorted by (priority, name), as Supervisor sorts them.</param>
public sealed record SupervisorConfig(
    string SourcePath,
    DaemonSettings Daemon,
    UnixHttpServerSettings? UnixHttpServer,
    InetHttpServerSettings? InetHttpServer,
    CtlSettings Ctl,
    ValueList<ProcessGroupConfig> Groups
)
{
    /// <summary>The [rpcinterface:x] sections; [rpcinterface:supervisor] is what XML-RPC clients need.</summary>
    public ValueList<RpcInterfaceConfig> RpcInterfaces { get; init; } = ValueList<RpcInterfaceConfig>.Empty;
}
