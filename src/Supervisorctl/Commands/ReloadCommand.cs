using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_reload: restarts supervisord; asks first only in the interactive shell.</summary>
internal sealed class ReloadCommand : CtlCommand
{
    public override string Name => "reload";

    public override string Help => "reload \t\tRestart the remote supervisord.";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (arg.Length > 0)
        {
            ctl.Output("Error: reload accepts no arguments");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        if (!Confirm.Ask(ctl, "Really restart the remote supervisord process y/N? "))
        {
            return false;
        }
        try
        {
            await ctl.Client.ReloadAsync(cancellationToken).ConfigureAwait(false);
            ctl.Output("Restarted supervisord");
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) is not null)
        {
            ctl.ExitStatus = ExitCodes.Generic;
            if (FaultException.FaultOf(exception) != Fault.ShutdownState)
            {
                throw;
            }
            ctl.Output("ERROR: already shutting down");
        }
        return false;
    }
}
