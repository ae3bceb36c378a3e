using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// Supervisor's XML-RPC interface (the supervisor and system namespaces of 4.2.5) over <see cref="ControlOperations"/>.
/// Dispatch follows xmlrpc.traverse: exactly "namespace.method", no leading underscore, and a wrong number of
/// parameters is INCORRECT_PARAMETERS. Calls that wait (start and stop with wait, multicall) are awaited, so the reply
/// comes when Supervisor's would while other connections are served.
/// </summary>
public sealed partial class RpcInterface
{
    private readonly ControlOperations _operations;

    /// <summary>The poller's call: its result is the same instance while nothing it shows changed (<see cref="AllProcessInfoCache"/>).</summary>
    public const string GetAllProcessInfo = "supervisor.getAllProcessInfo";

    private readonly Dictionary<string, Method> _methods = new(StringComparer.Ordinal);
    private readonly AllProcessInfoCache _allInfo = new();

    public RpcInterface(ControlOperations operations)
    {
        _operations = operations;
        AddStatusMethods();
        AddProcessMethods();
        AddLogMethods();
        AddSystemMethods();
    }

    /// <summary>Runs one call; faults come back as <see cref="SupervisorFault"/>.</summary>
    public async ValueTask<XmlRpcValue> CallAsync(
        string name,
        IReadOnlyList<XmlRpcValue> parameters,
        CancellationToken cancellationToken
    )
    {
        var dot = name.IndexOf('.');
        if (
            dot < 0
            || name.IndexOf('.', dot + 1) >= 0
            || name.AsSpan(dot + 1).StartsWith("_", StringComparison.Ordinal)
            || !_methods.TryGetValue(name, out var method)
        )
        {
            throw new SupervisorFault(FaultCode.UnknownMethod);
        }
        if (parameters.Count < method.MinArgs || parameters.Count > method.MaxArgs)
        {
            throw new SupervisorFault(FaultCode.IncorrectParameters);
        }
        if (method.Guarded)
        {
            _operations.EnsureRunning();
        }
        return await method.Handler(new RpcArgs(parameters), cancellationToken).ConfigureAwait(false);
    }

    private void Add(
        string name,
        int minArgs,
        int maxArgs,
        Func<RpcArgs, CancellationToken, ValueTask<XmlRpcValue>> handler
    ) =>
        _methods.Add(
            name,
            new Method(minArgs, maxArgs, name.StartsWith("supervisor.", StringComparison.Ordinal), handler)
        );

    private void Add(string name, int args, Func<RpcArgs, XmlRpcValue> handler) =>
        Add(name, args, args, (a, _) => ValueTask.FromResult(handler(a)));

    /// <param name="Guarded">Supervisor's _update: refused with SHUTDOWN_STATE once shutdown has begun.</param>
    private sealed record Method(
        int MinArgs,
        int MaxArgs,
        bool Guarded,
        Func<RpcArgs, CancellationToken, ValueTask<XmlRpcValue>> Handler
    );
}
