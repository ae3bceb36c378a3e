namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// A <c>&lt;base64&gt;</c>. Supervisor decodes base64 parameters to <c>str</c>, so the parser accepts only bytes that are
/// valid UTF-8 (anything else is a 400 there too), and <see cref="PyCoerce.Text"/> reads them as text.
/// </summary>
public sealed record XmlRpcBase64(byte[] Value) : XmlRpcValue
{
    // Records compare arrays by reference; a value type compares its bytes.
    public bool Equals(XmlRpcBase64? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value);

    public override int GetHashCode() => Value.Length;
}
