using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_reread: names sorted, each "available", "changed" or "disappeared"; CANT_REREAD prints its fault text.</summary>
internal sealed class RereadCommand : CtlCommand
{
    public override string Name => "reread";

    public override string Help => "reread \t\t\tReload the daemon's configuration files without add/remove";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (arg.Length > 0)
        {
            ctl.Output("Error: reread accepts no arguments");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        RereadReply reply;
        try
        {
            reply = await ctl.Client.RereadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException exception)
            when (FaultException.FaultOf(exception) is Fault.ShutdownState or Fault.CantReread)
        {
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(
                FaultException.FaultOf(exception) == Fault.ShutdownState
                    ? "ERROR: supervisor shutting down"
                    : $"ERROR: {exception.Status.Detail}"
            );
            return false;
        }
        foreach (var line in Changes(reply))
        {
            ctl.Output(line);
        }
        return false;
    }

    /// <summary>_formatChanges: a later list wins for a name in two lists, as the dict updates do.</summary>
    public static IEnumerable<string> Changes(RereadReply reply)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (
            var (names, word) in new[]
            {
                (reply.Added, "available"),
                (reply.Changed, "changed"),
                (reply.Removed, "disappeared"),
            }
        )
        {
            foreach (var name in names)
            {
                changes[name] = word;
            }
        }
        return changes.Count == 0
            ? ["No config updates to processes"]
            : changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}");
    }
}
