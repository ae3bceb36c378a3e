using Grpc.Core;
using Supervise.Protocol.V1;

namespace Supervise.Protocol;

/// <summary>
/// Carries one of Supervisor's faults across gRPC: the numeric fault rides in a trailer and the status detail holds
/// Supervisor's fault string ("BAD_NAME: foo"), so the ctl can print exactly what Supervisor's ctl prints.
/// </summary>
public static class FaultException
{
    public const string TrailerKey = "supervise-fault";

    public static RpcException Create(Fault fault, string? detail = null)
    {
        var text = detail is null ? FaultNames.Of(fault) : $"{FaultNames.Of(fault)}: {detail}";
        var trailers = new Metadata
        {
            { TrailerKey, ((int)fault).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return new RpcException(new Status(StatusCodeOf(fault), text), trailers, text);
    }

    /// <summary>The fault an RpcException carries, or null when it is a transport or unexpected error.</summary>
    public static Fault? FaultOf(RpcException exception)
    {
        var value = exception.Trailers.GetValue(TrailerKey);
        return value is not null && int.TryParse(value, out var code) ? (Fault)code : null;
    }

    private static StatusCode StatusCodeOf(Fault fault) =>
        fault switch
        {
            Fault.BadName => StatusCode.NotFound,
            Fault.BadArguments or Fault.IncorrectParameters or Fault.BadSignal => StatusCode.InvalidArgument,
            Fault.AlreadyStarted or Fault.AlreadyAdded => StatusCode.AlreadyExists,
            Fault.ShutdownState or Fault.NotRunning or Fault.StillRunning => StatusCode.FailedPrecondition,
            Fault.UnknownMethod or Fault.SignatureUnsupported => StatusCode.Unimplemented,
            _ => StatusCode.Aborted,
        };
}
