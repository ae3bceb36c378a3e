using System.Text;
using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>What tail, maintail and fg share: printing log bytes, following a log stream, and log read faults.</summary>
internal static class LogOutput
{
    /// <summary>Supervisor's _tailf: the banner, then bytes as they arrive until Ctrl-C, which prints a newline.</summary>
    public static async Task FollowAsync(
        Controller ctl,
        string name,
        LogChannel channel,
        CancellationToken cancellationToken
    )
    {
        ctl.Output("==> Press Ctrl-C to exit <==");
        ctl.Out.Flush();
        try
        {
            await foreach (
                var chunk in ctl
                    .Client.TailLogAsync(name, channel, 1024, follow: true, cancellationToken)
                    .ConfigureAwait(false)
            )
            {
                await ctl.Out.WriteAsync(Decode(chunk)).ConfigureAwait(false);
                await ctl.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
            when (cancellationToken.IsCancellationRequested
                && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }
            )
        {
            ctl.Output("");
        }
        catch (RpcException exception)
            when (TryReportReadFault(ctl, exception, name.Length == 0 ? "supervisord" : name, name.Length > 0))
        {
            // Supervisor's /logtail answers an unknown name with an HTTP error page; the fault's line says it plainly.
        }
    }

    public static string Decode(LogChunk chunk) => Encoding.UTF8.GetString(chunk.Data.Span);

    /// <summary>The `x: ERROR (...)` line for a log read fault, or false when Supervisor would re-raise it.</summary>
    public static bool TryReportReadFault(Controller ctl, RpcException exception, string name, bool processLog)
    {
        var reason = FaultException.FaultOf(exception) switch
        {
            Fault.NoFile => "no log file",
            Fault.Failed => "unknown error reading log",
            Fault.BadName when processLog => "no such process name",
            _ => null,
        };
        ctl.ExitStatus = ExitCodes.Generic;
        if (reason is null)
        {
            return false;
        }
        ctl.Output($"{name}: ERROR ({reason})");
        return true;
    }
}
