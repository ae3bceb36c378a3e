using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// A call's parameters, read with the Python coercions Supervisor's rpcinterface applies (clients.md §2.4): integers
/// may come as strings ("-1000"), booleans are Python truthiness ("0" is true), names are strings. A parameter of the
/// wrong kind is INCORRECT_PARAMETERS, as Python's TypeError is.
/// </summary>
public readonly struct RpcArgs(IReadOnlyList<XmlRpcValue> values)
{
    public int Count => values.Count;

    public XmlRpcValue this[int index] => values[index];

    public string Text(int index) =>
        values[index] switch
        {
            XmlRpcInt number => number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var value => PyCoerce.Text(value) ?? throw new SupervisorFault(FaultCode.IncorrectParameters),
        };

    public int Int(int index) =>
        PyCoerce.TryInt(values[index], out var result)
            ? result
            : throw new SupervisorFault(FaultCode.IncorrectParameters);

    /// <summary>An optional truthy flag, such as startProcess's wait (default True).</summary>
    public bool Flag(int index, bool fallback = true) =>
        index < values.Count ? PyCoerce.Truthy(values[index]) : fallback;
}
