namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Python's <c>None</c> in a request: <c>&lt;nil/&gt;</c> (or any empty element Supervisor does not know). Never
/// written: xmlrpclib runs with <c>allow_none=False</c>, so <see cref="XmlRpcResponseWriter"/> refuses it.
/// </summary>
public sealed record XmlRpcNil : XmlRpcValue
{
    public static readonly XmlRpcNil Instance = new();
}
