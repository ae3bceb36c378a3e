using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Fuzz;

/// <summary>The XML-RPC request parser: any exception but its own parse fault (an HTTP 400) is a crash.</summary>
public sealed class XmlRpcTarget : IFuzzTarget
{
    public string Name => "xmlrpc";

    public Verdict Run(byte[] input)
    {
        try
        {
            XmlRpcRequestReader.Parse(input);
            return Verdict.Accepted;
        }
        catch (XmlRpcParseException)
        {
            return Verdict.Refused;
        }
    }
}
