using Supervise.Naming;
using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// do_status: filters getAllProcessInfo by the names given; unknown names print first, then the matching lines.
/// Exit 4 for an unknown name or an unreachable server, 3 when any listed process is stopped (this wins over 4).
/// `--json` (not in Supervisor) prints the same selection as a JSON array, with each child's CPU time and memory.
/// </summary>
internal sealed class StatusCommand : CtlCommand
{
    public override string Name => "status";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "status <name>\t\tGet status for a single process\n"
        + "status <gname>:*\tGet status for all processes in a group\n"
        + "status <name> <name>\tGet status for multiple named processes\n"
        + "status\t\t\tGet all process status info";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        // The listing goes out beside the upcheck (one round trip instead of two); its answer counts only after the
        // upcheck has passed, so an unreachable or foreign server is still reported as Supervisor reports it.
        var words = Words(arg);
        var json = words.Contains("--json");
        // Only --json shows CPU and memory, so only it asks the daemon to read /proc for each process.
        var listing = json
            ? ctl.Client.ListProcessesWithUsageAsync(cancellationToken)
            : ctl.Client.ListProcessesAsync(cancellationToken);
        Observe(listing);
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            ctl.ExitStatus = ExitCodes.StatusUnknown;
            return false;
        }

        var names = words.Where(w => w != "--json").ToList();
        var all = await listing.ConfigureAwait(false);
        var matching = names.Count == 0 || names.Contains("all") ? all : Select(ctl, all, names);

        if (json)
        {
            ctl.Output(JsonOutput.Processes(matching, ctl.LocalZone));
        }
        else
        {
            foreach (var line in StatusFormatter.Lines(matching, ctl.LocalZone))
            {
                ctl.Output(line);
            }
        }
        if (matching.Any(info => StatusFormatter.IsStopped(info.State)))
        {
            ctl.ExitStatus = ExitCodes.StatusNotRunning;
        }
        return false;
    }

    /// <summary>Observes the call's failure, so that it is not reported as unobserved when the upcheck fails first.</summary>
    private static void Observe(Task listing) =>
        _ = listing.ContinueWith(
            t => _ = t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default
        );

    private static List<ProcessInfo> Select(Controller ctl, IReadOnlyList<ProcessInfo> all, List<string> names)
    {
        var matching = new List<ProcessInfo>();
        foreach (var name in names)
        {
            var (group, process) = ProcessName.Split(name);
            var found = all.Where(info => info.Group == group && (process is null || info.Name == process)).ToList();
            if (found.Count == 0)
            {
                ctl.Output(process is null ? $"{group}: ERROR (no such group)" : $"{name}: ERROR (no such process)");
                ctl.ExitStatus = ExitCodes.StatusUnknown;
            }
            matching.AddRange(found);
        }
        return matching;
    }
}
