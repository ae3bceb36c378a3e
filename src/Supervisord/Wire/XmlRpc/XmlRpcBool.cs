namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>A <c>&lt;boolean&gt;</c>. Parsed as Supervisor does: only the text <c>1</c> is true.</summary>
public sealed record XmlRpcBool(bool Value) : XmlRpcValue
{
    public static readonly XmlRpcBool True = new(true);

    public static readonly XmlRpcBool False = new(false);
}
