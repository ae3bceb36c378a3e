using System.Buffers;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// What GET /metrics answers: every series of the daemon and its processes, computed at the scrape. Each process's
/// snapshot, counters and CPU and memory figures (<see cref="ChildUsageReader"/>) are taken once into pooled arrays,
/// then written family by family (the format wants a family's samples together; the CPU and memory families come
/// last, so that a large fleet's /proc reads overlap the writing of the others). Nothing here locks a process: snapshots are immutable records.
/// </summary>
public sealed partial class MetricsExposition(
    SupervisorDaemon daemon,
    LifeCounters life,
    ControlCallMetrics calls,
    TimeProvider time
)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Process states in code order, the values of the <c>state</c> label.</summary>
    private static readonly ProcessState[] States = Enum.GetValues<ProcessState>();

    /// <summary>The same names as UTF-8, encoded once rather than for each process's eight state samples.</summary>
    private static readonly byte[][] StateNames =
    [
        .. States.Select(state => System.Text.Encoding.UTF8.GetBytes(state.Name())),
    ];

    /// <summary>From this many processes on, the children's usage is read beside the writing rather than before it.</summary>
    private const int OverlapReadsFrom = 256;

    private readonly ChildUsageReader _children = ChildUsageReader.Shared;
    private int _lastLength;

    public ControlCallMetrics Calls => calls;

    /// <summary>The size of the last exposition, to rent a buffer that holds the next one without growing.</summary>
    public int SizeHint => Math.Max(Volatile.Read(ref _lastLength) / 8 * 9, 64 * 1024);

    public void Write(ExpositionWriter writer)
    {
        var groups = daemon.Registry.Groups;
        var count = 0;
        foreach (var group in groups)
        {
            count += group.Processes.Count;
        }
        var rows = ArrayPool<ProcessRow>.Shared.Rent(Math.Max(count, 1));
        var pids = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        var usage = ArrayPool<ChildUsage?>.Shared.Rent(Math.Max(count, 1));
        using var labels = new ExpositionWriter(Math.Max(count, 1) * 48);
        Task? read = null;
        try
        {
            var filled = 0;
            foreach (var group in groups)
            {
                foreach (var process in group.Processes)
                {
                    var snapshot = process.Current;
                    var start = labels.Written.Length;
                    labels.LabelText("group", snapshot.Group, first: true);
                    labels.LabelText("name", snapshot.Name, first: false);
                    pids[filled] = Math.Max(snapshot.Pid, 0);
                    rows[filled++] = new ProcessRow(
                        process,
                        snapshot,
                        life.Of(snapshot.Group, snapshot.Name),
                        start..labels.Written.Length
                    );
                }
            }
            // A large fleet's /proc reads run on a second core while the families that need none are written.
            // Wait() runs the read inline if no thread took it up yet, so a busy pool cannot stall the scrape.
            read =
                filled >= OverlapReadsFrom
                    ? Task.Run(() => _children.Read(pids.AsSpan(0, filled), usage.AsSpan(0, filled)))
                    : null;
            if (read is null)
            {
                _children.Read(pids.AsSpan(0, filled), usage.AsSpan(0, filled));
            }
            var span = rows.AsSpan(0, filled);
            WriteProcesses(writer, span, labels.Written.Span, time.GetUtcNow());
            read?.Wait();
            WriteUsage(writer, span, usage.AsSpan(0, filled), labels.Written.Span);
            WriteDaemon(writer, span);
            Volatile.Write(ref _lastLength, writer.Written.Length);
        }
        finally
        {
            // The read writes into the pooled arrays: they go back only once it is over, even after a failure.
            if (read is { IsCompleted: false })
            {
                ((IAsyncResult)read).AsyncWaitHandle.WaitOne();
            }
            ArrayPool<ProcessRow>.Shared.Return(rows, clearArray: true);
            ArrayPool<int>.Shared.Return(pids);
            ArrayPool<ChildUsage?>.Shared.Return(usage);
        }
    }

    /// <summary>One process as this scrape saw it; <paramref name="Labels"/> is where its encoded group and name labels are.</summary>
    private readonly record struct ProcessRow(
        SupervisedProcess Process,
        ProcessSnapshot Snapshot,
        ProcessCounters? Counters,
        Range Labels
    );
}
