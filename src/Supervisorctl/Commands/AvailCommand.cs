using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_avail: every configured process as '%-32s %-9s %-9s %s' (name, in use/avail, auto/manual, priorities).</summary>
internal sealed class AvailCommand : CtlCommand
{
    public override string Name => "avail";

    public override string Help => "avail\t\t\tDisplay all configured processes";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (arg.Length > 0)
        {
            ctl.Output("Error: avail accepts no arguments");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        IReadOnlyList<AvailEntry> entries;
        try
        {
            entries = await ctl.Client.AvailAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) == Fault.ShutdownState)
        {
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output("ERROR: supervisor shutting down");
            return false;
        }
        foreach (var entry in entries)
        {
            ctl.Output(Format(entry));
        }
        return false;
    }

    public static string Format(AvailEntry entry) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{entry.Namespec, -32} {(entry.InUse ? "in use" : "avail"), -9} {(entry.Autostart ? "auto" : "manual"), -9} {entry.GroupPriority}:{entry.ProcessPriority}"
        );
}
