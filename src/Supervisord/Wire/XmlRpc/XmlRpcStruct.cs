namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// A <c>&lt;struct&gt;</c>. Members keep their insertion order, which clients see (Python dicts are ordered, and
/// <c>getProcessInfo</c>'s key order is part of the wire).
/// </summary>
public sealed record XmlRpcStruct(IReadOnlyList<KeyValuePair<string, XmlRpcValue>> Members) : XmlRpcValue
{
    /// <summary>The value of the first member named <paramref name="name"/>, or null.</summary>
    public XmlRpcValue? this[string name]
    {
        get
        {
            foreach (var member in Members)
            {
                if (member.Key == name)
                {
                    return member.Value;
                }
            }
            return null;
        }
    }

    public bool Equals(XmlRpcStruct? other) => other is not null && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => Members.Count;
}
