namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>An <c>&lt;int&gt;</c> or <c>&lt;i4&gt;</c>; always written as <c>&lt;int&gt;</c>, as xmlrpclib does.</summary>
public sealed record XmlRpcInt(int Value) : XmlRpcValue;
