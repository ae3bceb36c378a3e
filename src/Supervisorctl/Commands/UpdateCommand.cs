using Grpc.Core;
using Supervise.Naming;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// do_update, client side exactly as Supervisor's: reread, then for each removed group stop and remove it, for each
/// changed group stop, remove and add it, and add each new group. Names limit which groups are touched. Beyond
/// Supervisor, a changed group whose only change is processes added or removed is resized in place instead: one line
/// per removed and added process, then Supervisor's "updated process group" line.
/// </summary>
internal sealed class UpdateCommand : CtlCommand
{
    public override string Name => "update";

    public override CompletionKind Completion => CompletionKind.Groups;

    public override string Help =>
        "update\t\t\tReload config and add/remove as necessary, and will restart affected programs\n"
        + "update all\t\tReload config and add/remove as necessary, and will restart affected programs\n"
        + "update <gname> [...]\tUpdate specific groups";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        var client = ctl.Client;
        RereadReply reply;
        try
        {
            reply = await client.RereadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) == Fault.ShutdownState)
        {
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output("ERROR: already shutting down");
            return false;
        }

        var wanted = new HashSet<string>(Words(arg), StringComparer.Ordinal);
        if (wanted.Contains("all"))
        {
            wanted.Clear();
        }
        if (wanted.Count > 0)
        {
            var groups = (await client.ListProcessesAsync(cancellationToken).ConfigureAwait(false))
                .Select(info => info.Group)
                .Concat(reply.Added)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var name in wanted.Where(name => !groups.Contains(name)))
            {
                ctl.Output($"ERROR: no such group: {name}");
                ctl.ExitStatus = ExitCodes.Generic;
            }
        }
        bool Selected(string group) => wanted.Count == 0 || wanted.Contains(group);

        foreach (var group in reply.Removed.Where(Selected))
        {
            var results = await client.StopAsync($"{group}:*", cancellationToken).ConfigureAwait(false);
            ctl.Output($"{group}: stopped");
            if (results.Any(result => result.Fault == Fault.Failed))
            {
                ctl.Output($"{group}: has problems; not removing");
                ctl.ExitStatus = ExitCodes.Generic;
                continue;
            }
            await client.RemoveGroupAsync(group, cancellationToken).ConfigureAwait(false);
            ctl.Output($"{group}: removed process group");
        }
        foreach (var group in reply.Changed.Where(Selected))
        {
            // Beyond Supervisor: a group whose only change is processes added or removed keeps its running ones.
            var resized = await client.ResizeGroupAsync(group, cancellationToken).ConfigureAwait(false);
            if (resized.InPlace)
            {
                foreach (var name in resized.Removed)
                {
                    ctl.Output($"{ProcessName.Make(group, name)}: removed process");
                }
                foreach (var name in resized.Added)
                {
                    ctl.Output($"{ProcessName.Make(group, name)}: added process");
                }
                ctl.Output($"{group}: updated process group");
                continue;
            }
            await client.StopAsync($"{group}:*", cancellationToken).ConfigureAwait(false);
            ctl.Output($"{group}: stopped");
            await client.RemoveGroupAsync(group, cancellationToken).ConfigureAwait(false);
            await client.AddGroupAsync(group, cancellationToken).ConfigureAwait(false);
            ctl.Output($"{group}: updated process group");
        }
        foreach (var group in reply.Added.Where(Selected))
        {
            await client.AddGroupAsync(group, cancellationToken).ConfigureAwait(false);
            ctl.Output($"{group}: added process group");
        }
        return false;
    }
}
