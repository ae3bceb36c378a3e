using Grpc.Core;
using Supervise.Protocol;
using Supervise.Python;
using Supervise.Supervisorctl.Client;

namespace Supervise.Supervisorctl.Output;

/// <summary>
/// The line Supervisor's onecmd prints for an exception no command handled:
/// "error: &lt;class 'X'&gt;, message: file: F line: N". The Python class, message and innermost frame are the ones
/// Supervisor 4.2.5 on Python 3.11 prints for the same failure, so scripts matching them keep working.
/// </summary>
internal static class ErrorLine
{
    private const string SupervisorXmlRpc = "/usr/lib/python3/dist-packages/supervisor/xmlrpc.py";
    private const string SupervisorCtl = "/usr/lib/python3/dist-packages/supervisor/supervisorctl.py";
    private const string PythonSocket = "/usr/lib/python3.11/socket.py";
    private const string PythonXmlRpcClient = "/usr/lib/python3.11/xmlrpc/client.py";

    public static string For(Exception exception, string serverUrl)
    {
        var unix = serverUrl.StartsWith("unix://", StringComparison.Ordinal);
        if (exception is UnknownResultCodeException unknown)
        {
            return Format("ValueError", unknown.Message, SupervisorCtl, unknown.SourceLine);
        }
        if (exception is RpcException rpc && FaultException.FaultOf(rpc) is { } fault)
        {
            return Format(
                "xmlrpc.client.Fault",
                $"<Fault {(int)fault}: {PyRepr.Of(rpc.Status.Detail)}>",
                PythonXmlRpcClient,
                668
            );
        }
        return TransportFailure.Classify(exception) switch
        {
            TransportFailureKind.NoSuchFile => Format(
                "FileNotFoundError",
                "[Errno 2] No such file or directory",
                SupervisorXmlRpc,
                557
            ),
            TransportFailureKind.Refused => Format(
                "ConnectionRefusedError",
                "[Errno 111] Connection refused",
                unix ? SupervisorXmlRpc : PythonSocket,
                unix ? 557 : 836
            ),
            TransportFailureKind.NameNotKnown => Format(
                "socket.gaierror",
                "[Errno -2] Name or service not known",
                PythonSocket,
                962
            ),
            TransportFailureKind.Unauthenticated => Format(
                "xmlrpc.client.ProtocolError",
                "<ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>",
                SupervisorXmlRpc,
                539
            ),
            _ when exception is RpcException other => Format(
                "xmlrpc.client.ProtocolError",
                $"<ProtocolError for 127.0.0.1/RPC2: {other.StatusCode}: {other.Status.Detail}>",
                SupervisorXmlRpc,
                539
            ),
            _ => Format(exception.GetType().Name, exception.Message, SupervisorCtl, 0),
        };
    }

    private static string Format(string type, string message, string file, int line) =>
        $"error: <class '{type}'>, {message}: file: {file} line: {line}";
}
