namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>A parsed <c>&lt;methodCall&gt;</c>: the name as sent (not yet checked against <c>ns.method</c>) and its params.</summary>
public sealed record XmlRpcCall(string MethodName, IReadOnlyList<XmlRpcValue> Params)
{
    public bool Equals(XmlRpcCall? other) =>
        other is not null && MethodName == other.MethodName && Params.SequenceEqual(other.Params);

    public override int GetHashCode() => MethodName.GetHashCode(StringComparison.Ordinal);
}
