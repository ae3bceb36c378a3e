using System.Buffers;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// What GET /metrics answers: every series of the daemon and its processes, computed at the scrape. Each process's
/// snapshot, counters and /proc figures are taken once into a pooled array, then written family by family (the
/// format wants a family's samples together). Nothing here locks a process: snapshots are immutable records.
/// </summary>
public sealed partial class MetricsExposition(SupervisorDaemon daemon, LifeCounters life, ControlCallMetrics calls, TimeProvider time)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Process states in code order, the values of the <c>state</c> label.</summary>
    private static readonly ProcessState[] States = Enum.GetValues<ProcessState>();

    public ControlCallMetrics Calls => calls;

    public void Write(ExpositionWriter writer)
    {
        var groups = daemon.Registry.Groups;
        var count = 0;
        foreach (var group in groups)
        {
            count += group.Processes.Count;
        }
        var rows = ArrayPool<ProcessRow>.Shared.Rent(Math.Max(count, 1));
        using var labels = new ExpositionWriter(Math.Max(count, 1) * 48);
        try
        {
            var filled = 0;
            foreach (var group in groups)
            {
                foreach (var process in group.Processes)
                {
                    var snapshot = process.Current;
                    var usage = snapshot.Pid > 0 ? ProcStat.Of(snapshot.Pid) : null;
                    var start = labels.Written.Length;
                    labels.LabelText("group", snapshot.Group, first: true);
                    labels.LabelText("name", snapshot.Name, first: false);
                    rows[filled++] = new ProcessRow(process, snapshot, usage, life.Of(snapshot.Group, snapshot.Name), start..labels.Written.Length);
                }
            }
            var span = rows.AsSpan(0, filled);
            WriteProcesses(writer, span, labels.Written.Span, time.GetUtcNow());
            WriteDaemon(writer, span);
        }
        finally
        {
            ArrayPool<ProcessRow>.Shared.Return(rows, clearArray: true);
        }
    }

    /// <summary>One process as this scrape saw it; <paramref name="Labels"/> is where its encoded group and name labels are.</summary>
    private readonly record struct ProcessRow(SupervisedProcess Process, ProcessSnapshot Snapshot, ProcStat? Usage, ProcessCounters? Counters, Range Labels);
}
