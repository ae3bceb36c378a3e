namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>An <c>&lt;array&gt;</c>.</summary>
public sealed record XmlRpcArray(IReadOnlyList<XmlRpcValue> Items) : XmlRpcValue
{
    public bool Equals(XmlRpcArray? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}
