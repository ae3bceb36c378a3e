namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// One XML-RPC value, as Supervisor's handler sees it. The hierarchy is closed: the subtypes in this folder are all
/// there is, so a <c>switch</c> over them is complete. The implicit conversions keep result-building code short; there is
/// deliberately none from double, since C# would then also convert a <c>long</c> (a file size) into a
/// <c>&lt;double&gt;</c> where the caller meant a capped <c>&lt;int&gt;</c>.
/// </summary>
public abstract record XmlRpcValue
{
    private protected XmlRpcValue() { }

    public static implicit operator XmlRpcValue(int value) => new XmlRpcInt(value);

    public static implicit operator XmlRpcValue(bool value) => value ? XmlRpcBool.True : XmlRpcBool.False;

    public static implicit operator XmlRpcValue(string value) => new XmlRpcString(value);
}
