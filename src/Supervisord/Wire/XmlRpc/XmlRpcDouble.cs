namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>A <c>&lt;double&gt;</c>, written as Python's <c>repr(float)</c>.</summary>
public sealed record XmlRpcDouble(double Value) : XmlRpcValue;
