using System.Collections.Concurrent;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// Control calls by protocol (grpc, xmlrpc) and method, recorded at one place per protocol: the gRPC interceptor
/// and the XML-RPC endpoint. Method names come from the client on XML-RPC, so only Supervisor's known names get a
/// series of their own; anything else counts as "unknown", and a client cannot grow the exposition without bound.
/// </summary>
/// <param name="xmlRpcMethods">Supervisor's method names (system.listMethods), given by the control server.</param>
public sealed class ControlCallMetrics(TimeProvider time, IEnumerable<string> xmlRpcMethods)
{
    public const string Grpc = "grpc";
    public const string XmlRpc = "xmlrpc";
    public const string UnknownMethod = "unknown";

    private readonly HashSet<string> _knownXmlRpc = [.. xmlRpcMethods];
    private readonly ConcurrentDictionary<(string Protocol, string Method), CallStats> _calls = new();

    public long Start() => time.GetTimestamp();

    /// <param name="started">From <see cref="Start"/>; null for a stream, whose duration is not a latency.</param>
    public void Record(string protocol, string method, CallOutcome outcome, long? started)
    {
        if (protocol == XmlRpc && !_knownXmlRpc.Contains(method))
        {
            method = UnknownMethod;
        }
        var elapsed = started is { } from ? time.GetElapsedTime(from) : (TimeSpan?)null;
        _calls.GetOrAdd((protocol, method), static _ => new CallStats()).Record(outcome, elapsed);
    }

    /// <summary>The recorded methods, sorted, so that scrapes list them in a stable order.</summary>
    public KeyValuePair<(string Protocol, string Method), CallStats>[] Snapshot()
    {
        var entries = _calls.ToArray();
        Array.Sort(
            entries,
            static (a, b) =>
            {
                var byProtocol = string.CompareOrdinal(a.Key.Protocol, b.Key.Protocol);
                return byProtocol != 0 ? byProtocol : string.CompareOrdinal(a.Key.Method, b.Key.Method);
            }
        );
        return entries;
    }

    /// <summary>"/supervise.v1.Supervisor/Start" → "Start".</summary>
    public static string GrpcMethod(string fullName) => fullName[(fullName.LastIndexOf('/') + 1)..];
}
