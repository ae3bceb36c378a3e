namespace Supervise.Supervisord.Configuration.Model;

/// <summary>An <c>[rpcinterface:x]</c> section: the XML-RPC namespace x and its factory spec (module:callable).</summary>
public sealed record RpcInterfaceConfig(string Name, string Factory);
