using System.Net.Sockets;
using Grpc.Core;
using Supervise.Protocol;

namespace Supervise.Supervisorctl.Client;

/// <summary>Why a call never reached the daemon, in the terms Supervisor's ctl distinguishes (errno of connect()).</summary>
internal enum TransportFailureKind
{
    /// <summary>The call reached the daemon, or failed for another reason.</summary>
    None,

    /// <summary>ENOENT: the Unix socket file does not exist.</summary>
    NoSuchFile,

    /// <summary>ECONNREFUSED: nothing listens on the socket or port.</summary>
    Refused,

    /// <summary>The host name did not resolve (Python's socket.gaierror).</summary>
    NameNotKnown,

    /// <summary>The daemon wants (other) credentials: Supervisor's HTTP 401.</summary>
    Unauthenticated,
}

internal static class TransportFailure
{
    public static TransportFailureKind Classify(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            if (FaultException.FaultOf(rpc) is not null)
            {
                return TransportFailureKind.None;
            }
            if (rpc.StatusCode == StatusCode.Unauthenticated)
            {
                return TransportFailureKind.Unauthenticated;
            }
        }

        for (Exception? current = exception; current is not null; current = Next(current))
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    // connect() on a missing Unix socket path reports ENOENT, which .NET maps to AddressNotAvailable.
                    SocketError.AddressNotAvailable => TransportFailureKind.NoSuchFile,
                    SocketError.ConnectionRefused => TransportFailureKind.Refused,
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
                        TransportFailureKind.NameNotKnown,
                    _ => TransportFailureKind.None,
                };
            }
        }
        return TransportFailureKind.None;
    }

    private static Exception? Next(Exception exception) =>
        exception is RpcException rpc && rpc.Status.DebugException is { } debug ? debug : exception.InnerException;
}
