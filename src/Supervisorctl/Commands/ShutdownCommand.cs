using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Client;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_shutdown: a server already gone is reported as "(already shut down?)" with exit 1.</summary>
internal sealed class ShutdownCommand : CtlCommand
{
    public override string Name => "shutdown";

    public override string Help => "shutdown \tShut the remote supervisord down.";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (arg.Length > 0)
        {
            ctl.Output("Error: shutdown accepts no arguments");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        if (!Confirm.Ask(ctl, "Really shut the remote supervisord process down y/N? "))
        {
            return false;
        }
        try
        {
            await ctl.Client.ShutdownAsync(cancellationToken).ConfigureAwait(false);
            ctl.Output("Shut down");
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) == Fault.ShutdownState)
        {
            ctl.Output("ERROR: already shutting down");
        }
        catch (RpcException exception)
            when (TransportFailure.Classify(exception)
                    is TransportFailureKind.Refused
                        or TransportFailureKind.NoSuchFile
            )
        {
            ctl.ExitStatus = ExitCodes.Generic;
            var reason =
                TransportFailure.Classify(exception) == TransportFailureKind.Refused
                    ? "refused connection"
                    : "no such file";
            ctl.Output($"ERROR: {ctl.Session.ServerUrl} {reason} (already shut down?)");
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) is not null)
        {
            ctl.ExitStatus = ExitCodes.Generic;
            throw;
        }
        return false;
    }
}
