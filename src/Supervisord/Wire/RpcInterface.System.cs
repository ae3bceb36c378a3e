using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>system.listMethods, methodHelp, methodSignature and multicall, as 4.2.5's SystemNamespaceRPCInterface.</summary>
public sealed partial class RpcInterface
{
    private static readonly Dictionary<string, RpcMethodInfo> Introspection = RpcMethodTable.All.ToDictionary(
        m => m.Name,
        StringComparer.Ordinal
    );

    private void AddSystemMethods()
    {
        Add("system.listMethods", 0, _ => new XmlRpcArray([.. RpcMethodTable.All.Select(m => (XmlRpcValue)m.Name)]));
        Add(
            "system.methodHelp",
            1,
            a =>
                Introspection.TryGetValue(a.Text(0), out var m)
                    ? m.Help
                    : throw new SupervisorFault(FaultCode.SignatureUnsupported)
        );
        Add(
            "system.methodSignature",
            1,
            a =>
                Introspection.TryGetValue(a.Text(0), out var m)
                    ? new XmlRpcArray([.. m.Signature.Select(t => (XmlRpcValue)t)])
                    : throw new SupervisorFault(FaultCode.SignatureUnsupported)
        );
        Add("system.multicall", 1, 1, MulticallAsync);
    }

    /// <summary>
    /// Runs the calls one after another; each result is the bare value or a {faultCode, faultString} struct. Bare, not
    /// the one-item arrays of the multicall spec: that is what 4.2.5 sends and what its clients read.
    /// </summary>
    private async ValueTask<XmlRpcValue> MulticallAsync(RpcArgs args, CancellationToken cancellationToken)
    {
        if (args[0] is not XmlRpcArray calls)
        {
            throw new SupervisorFault(FaultCode.IncorrectParameters);
        }
        var results = new List<XmlRpcValue>(calls.Items.Count);
        foreach (var call in calls.Items)
        {
            try
            {
                results.Add(await OneCallAsync(call, cancellationToken).ConfigureAwait(false));
            }
            catch (SupervisorFault fault)
            {
                results.Add(Struct(("faultCode", (int)fault.Code), ("faultString", fault.Message)));
            }
        }
        return new XmlRpcArray(results);
    }

    private ValueTask<XmlRpcValue> OneCallAsync(XmlRpcValue call, CancellationToken cancellationToken)
    {
        var name = call is XmlRpcStruct s && s["methodName"] is { } n ? PyCoerce.Text(n) : null;
        if (name is null)
        {
            throw new SupervisorFault(FaultCode.IncorrectParameters, "No methodName");
        }
        if (name == "system.multicall")
        {
            throw new SupervisorFault(FaultCode.IncorrectParameters, "Recursive system.multicall forbidden");
        }
        var parameters = ((XmlRpcStruct)call)["params"] switch
        {
            null => [],
            XmlRpcArray array => array.Items,
            _ => throw new SupervisorFault(FaultCode.IncorrectParameters),
        };
        return CallAsync(name, parameters, cancellationToken);
    }
}
