using Grpc.Core;
using Supervise.Protocol.V1;

namespace Supervise.Supervisord.Control;

/// <summary>reread / add / remove / avail / reload / shutdown.</summary>
public sealed partial class SupervisorService
{
    public override Task<RereadReply> Reread(Empty request, ServerCallContext context)
    {
        var (added, changed, removed) = operations.Reread();
        var reply = new RereadReply();
        reply.Added.AddRange(added);
        reply.Changed.AddRange(changed);
        reply.Removed.AddRange(removed);
        return Task.FromResult(reply);
    }

    public override async Task<Empty> AddGroup(GroupRequest request, ServerCallContext context)
    {
        await operations.AddGroupAsync(request.Name).ConfigureAwait(false);
        return new Empty();
    }

    public override async Task<ResizeReply> ResizeGroup(GroupRequest request, ServerCallContext context)
    {
        var result = await operations.ResizeGroupAsync(request.Name, context.CancellationToken).ConfigureAwait(false);
        var reply = new ResizeReply { InPlace = result is not null };
        if (result is { } r)
        {
            reply.Added.AddRange(r.Added);
            reply.Removed.AddRange(r.Removed);
        }
        return reply;
    }

    public override async Task<Empty> RemoveGroup(GroupRequest request, ServerCallContext context)
    {
        await operations.RemoveGroupAsync(request.Name).ConfigureAwait(false);
        return new Empty();
    }

    public override Task<AvailReply> Avail(Empty request, ServerCallContext context)
    {
        var reply = new AvailReply();
        foreach (var group in operations.Daemon.Parsed.Groups)
        {
            var inUse = operations.Registry.FindGroup(group.Name) is not null;
            foreach (var process in group.Processes)
            {
                reply.Entries.Add(
                    new AvailEntry
                    {
                        Namespec = Supervise.Naming.ProcessName.Make(group.Name, process.Name),
                        InUse = inUse,
                        Autostart = process.Autostart,
                        GroupPriority = group.Priority,
                        ProcessPriority = process.Priority,
                    }
                );
            }
        }
        return Task.FromResult(reply);
    }

    public override Task<Empty> Reload(Empty request, ServerCallContext context)
    {
        operations.Reload();
        return Task.FromResult(new Empty());
    }

    public override Task<Empty> Shutdown(Empty request, ServerCallContext context)
    {
        operations.Shutdown();
        return Task.FromResult(new Empty());
    }
}
