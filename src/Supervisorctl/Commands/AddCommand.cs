using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_add: activates configured groups; one already active is reported but exits 0.</summary>
internal sealed class AddCommand : CtlCommand
{
    public override string Name => "add";

    public override CompletionKind Completion => CompletionKind.Groups;

    public override string Help => "add <name> [...]\tActivates any updates in config for process/group";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        foreach (var name in Words(arg))
        {
            try
            {
                await ctl.Client.AddGroupAsync(name, cancellationToken).ConfigureAwait(false);
                ctl.Output($"{name}: added process group");
            }
            catch (RpcException exception) when (FaultException.FaultOf(exception) is { } fault)
            {
                switch (fault)
                {
                    case Fault.ShutdownState:
                        ctl.Output("ERROR: shutting down");
                        ctl.ExitStatus = ExitCodes.Generic;
                        break;
                    case Fault.AlreadyAdded:
                        ctl.Output("ERROR: process group already active");
                        break;
                    case Fault.BadName:
                        ctl.Output($"ERROR: no such process/group: {name}");
                        ctl.ExitStatus = ExitCodes.Generic;
                        break;
                    default:
                        ctl.ExitStatus = ExitCodes.Generic;
                        throw;
                }
            }
        }
        return false;
    }
}
