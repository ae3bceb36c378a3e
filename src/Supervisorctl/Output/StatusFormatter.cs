using Supervise.Naming;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Output;

/// <summary>
/// Supervisor's _show_statuses: '%(namespec)-' + str(maxlen + 3) + 's%(state)-10s%(desc)s' with
/// maxlen = max(30, longest namespec). An empty description leaves the padded state, trailing spaces included.
/// </summary>
internal static class StatusFormatter
{
    public static IEnumerable<string> Lines(IReadOnlyList<ProcessInfo> infos, TimeZoneInfo localZone)
    {
        var namespecs = infos.Select(info => ProcessName.Make(info.Group, info.Name)).ToList();
        var width = Math.Max(30, namespecs.Count == 0 ? 0 : namespecs.Max(n => n.Length)) + 3;
        for (var i = 0; i < infos.Count; i++)
        {
            yield return namespecs[i].PadRight(width)
                + StateName(infos[i]).PadRight(10)
                + Description(infos[i], localZone);
        }
    }

    public static string StateName(ProcessInfo info) =>
        info.Statename.Length > 0 ? info.Statename : Protocol.StateNames.Of((int)info.State);

    /// <summary>The daemon's description; Supervisor's own wording when the daemon sent none.</summary>
    public static string Description(ProcessInfo info, TimeZoneInfo localZone) =>
        info.Description.Length > 0 ? info.Description : ProcessDescription.Of(info, localZone);

    /// <summary>Supervisor's STOPPED_STATES, which make `status` exit 3.</summary>
    public static bool IsStopped(ProcessState state) =>
        state is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal or ProcessState.Unknown;
}
