namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>The request body is not one Supervisor would accept; the endpoint answers 400 and logs an ERROR.</summary>
public sealed class XmlRpcParseException(string message) : Exception(message);
