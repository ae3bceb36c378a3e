using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_remove: removes stopped groups from the active configuration.</summary>
internal sealed class RemoveCommand : CtlCommand
{
    public override string Name => "remove";

    public override CompletionKind Completion => CompletionKind.Groups;

    public override string Help => "remove <name> [...]\tRemoves process/group from active config";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        foreach (var name in Words(arg))
        {
            try
            {
                await ctl.Client.RemoveGroupAsync(name, cancellationToken).ConfigureAwait(false);
                ctl.Output($"{name}: removed process group");
            }
            catch (RpcException exception) when (FaultException.FaultOf(exception) is { } fault)
            {
                ctl.ExitStatus = ExitCodes.Generic;
                switch (fault)
                {
                    case Fault.StillRunning:
                        ctl.Output($"ERROR: process/group still running: {name}");
                        break;
                    case Fault.BadName:
                        ctl.Output($"ERROR: no such process/group: {name}");
                        break;
                    default:
                        throw;
                }
            }
        }
        return false;
    }
}
