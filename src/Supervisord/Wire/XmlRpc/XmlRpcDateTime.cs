namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>A <c>&lt;dateTime.iso8601&gt;</c>, kept as its text (<c>20240131T12:00:00</c>); no method takes one.</summary>
public sealed record XmlRpcDateTime(string Value) : XmlRpcValue;
