using System.Text;
using Supervise.Python;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// The Python semantics that Supervisor's rpcinterface applies to loosely typed parameters. supervisord-monitor sends
/// every parameter as <c>&lt;string&gt;</c>, so <c>readProcessStderrLog(name, "-1000", "0")</c> must work through
/// <c>int(offset)</c>, and <c>startProcess(name, "0")</c> waits, because <c>if wait</c> finds a non-empty string true.
/// </summary>
public static class PyCoerce
{
    /// <summary>
    /// Python's <c>int(x)</c>: an int, a bool (True is 1), a double (truncated), or text such as <c>" -1000 "</c> or
    /// <c>"+5"</c>. False for anything else and for values outside int32.
    /// </summary>
    public static bool TryInt(XmlRpcValue value, out int result)
    {
        switch (value)
        {
            case XmlRpcInt i:
                result = i.Value;
                return true;
            case XmlRpcBool b:
                result = b.Value ? 1 : 0;
                return true;
            case XmlRpcDouble d
                when double.IsFinite(d.Value) && Math.Truncate(d.Value) is >= int.MinValue and <= int.MaxValue:
                result = (int)Math.Truncate(d.Value);
                return true;
            case XmlRpcString or XmlRpcBase64:
                return PyInt.TryParseInt32(Text(value), out result);
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>Python truth: <c>"0"</c> is true, <c>""</c>, <c>0</c>, <c>0.0</c>, an empty array or struct and None are false.</summary>
    public static bool Truthy(XmlRpcValue value) =>
        value switch
        {
            XmlRpcInt i => i.Value != 0,
            XmlRpcBool b => b.Value,
            XmlRpcString s => s.Value.Length > 0,
            XmlRpcBase64 b64 => b64.Value.Length > 0,
            XmlRpcDouble d => d.Value != 0.0,
            XmlRpcArray a => a.Items.Count > 0,
            XmlRpcStruct s => s.Members.Count > 0,
            XmlRpcDateTime => true,
            _ => false,
        };

    /// <summary>The <c>str</c> a string or base64 parameter is to Supervisor; null for any other type.</summary>
    public static string? Text(XmlRpcValue value) =>
        value switch
        {
            XmlRpcString s => s.Value,
            XmlRpcBase64 b => Encoding.UTF8.GetString(b.Value),
            _ => null,
        };
}
