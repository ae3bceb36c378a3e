using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Supervisord.Hosting;

namespace Supervise.Supervisord.Control;

/// <summary>reread / add / remove / avail / reload / shutdown, with Supervisor's group-level semantics (reference §2.11).</summary>
public sealed partial class SupervisorService
{
    public override Task<RereadReply> Reread(Empty request, ServerCallContext context)
    {
        EnsureRunning();
        var (added, changed, removed, errors) = daemon.Reread();
        if (errors.Count > 0)
        {
            throw FaultException.Create(Fault.CantReread, string.Join("\n", errors.Select(e => e.ToString())));
        }
        var reply = new RereadReply();
        reply.Added.AddRange(added);
        reply.Changed.AddRange(changed);
        reply.Removed.AddRange(removed);
        return Task.FromResult(reply);
    }

    public override async Task<Empty> AddGroup(GroupRequest request, ServerCallContext context)
    {
        var outcome = await daemon.AddGroupAsync(request.Name).ConfigureAwait(false);
        return outcome switch
        {
            AddOutcome.Added => new Empty(),
            AddOutcome.AlreadyActive => throw FaultException.Create(Fault.AlreadyAdded, request.Name),
            AddOutcome.ShuttingDown => throw FaultException.Create(Fault.ShutdownState),
            _ => throw FaultException.Create(Fault.BadName, request.Name),
        };
    }

    public override async Task<Empty> RemoveGroup(GroupRequest request, ServerCallContext context)
    {
        EnsureRunning();
        var group = Registry.FindGroup(request.Name) ?? throw FaultException.Create(Fault.BadName, request.Name);
        if (!await Registry.RemoveAsync(group).ConfigureAwait(false))
        {
            throw FaultException.Create(Fault.StillRunning, request.Name);
        }
        return new Empty();
    }

    public override Task<AvailReply> Avail(Empty request, ServerCallContext context)
    {
        var reply = new AvailReply();
        foreach (var group in daemon.Parsed.Groups)
        {
            var inUse = Registry.FindGroup(group.Name) is not null;
            foreach (var process in group.Processes)
            {
                reply.Entries.Add(new AvailEntry
                {
                    Namespec = group.Name == process.Name ? process.Name : $"{group.Name}:{process.Name}",
                    InUse = inUse,
                    Autostart = process.Autostart,
                    GroupPriority = group.Priority,
                    ProcessPriority = process.Priority,
                });
            }
        }
        return Task.FromResult(reply);
    }

    public override Task<Empty> Reload(Empty request, ServerCallContext context) =>
        daemon.RequestStop(DaemonExit.Reload) ? Task.FromResult(new Empty()) : throw FaultException.Create(Fault.ShutdownState);

    public override Task<Empty> Shutdown(Empty request, ServerCallContext context) =>
        daemon.RequestStop(DaemonExit.Shutdown) ? Task.FromResult(new Empty()) : throw FaultException.Create(Fault.ShutdownState);
}
