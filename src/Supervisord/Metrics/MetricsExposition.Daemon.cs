using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Metrics;

/// <summary>The daemon's own families: build, state, process counts, control calls, listener buffers, resources.</summary>
public sealed partial class MetricsExposition
{
    private static readonly SupervisorMood[] Moods =
    [
        SupervisorMood.Running,
        SupervisorMood.Restarting,
        SupervisorMood.Shutdown,
    ];
    private static readonly string[] MoodNames = ["RUNNING", "RESTARTING", "SHUTDOWN"];
    private static readonly Lazy<double> StartTime = new(() =>
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    });

    private void WriteDaemon(ExpositionWriter w, ReadOnlySpan<ProcessRow> rows)
    {
        w.Family(
            "supervise_build_info",
            "gauge",
            "Always 1; the labels carry this daemon's version and the Supervisor release it stands in for."
        );
        w.Sample("supervise_build_info")
            .Label("version", DaemonVersion.Value)
            .Label("supervisor_version", DaemonVersion.Supervisor)
            .Value(1);
        w.Family(
            "supervise_daemon_state",
            "gauge",
            "1 for the daemon's state (Supervisor's getState), 0 for the others."
        );
        var mood = daemon.Mood;
        for (var i = 0; i < Moods.Length; i++)
        {
            w.Sample("supervise_daemon_state").Label("state", MoodNames[i]).Value(mood == Moods[i] ? 1 : 0);
        }
        w.Family("supervise_processes", "gauge", "Processes by state.");
        foreach (var state in States)
        {
            var inState = 0;
            foreach (var row in rows)
            {
                inState += row.Snapshot.State == state ? 1 : 0;
            }
            w.Sample("supervise_processes").Label("state", state.Name()).Value(inState);
        }
        WriteCalls(w);
        WritePools(w);
        WriteResources(w);
    }

    private void WriteCalls(ExpositionWriter w)
    {
        var entries = calls.Snapshot();
        w.Family(
            "supervise_control_calls_total",
            "counter",
            "Control calls by protocol (grpc, xmlrpc), method and outcome (ok, fault, error)."
        );
        foreach (var (key, stats) in entries)
        {
            for (var outcome = 0; outcome < CallOutcomes.Names.Length; outcome++)
            {
                w.Sample("supervise_control_calls_total")
                    .Label("protocol", key.Protocol)
                    .Label("method", key.Method)
                    .Label("outcome", CallOutcomes.Names[outcome])
                    .Value(stats.Count((CallOutcome)outcome));
            }
        }
        w.Family(
            "supervise_control_call_duration_seconds",
            "histogram",
            "Latency of unary control calls (streams such as tail -f are counted, not timed)."
        );
        foreach (var (key, stats) in entries)
        {
            for (var bucket = 0; bucket <= CallStats.Bounds.Length; bucket++)
            {
                var bound = bucket < CallStats.Bounds.Length ? CallStats.Bounds[bucket] : double.PositiveInfinity;
                w.Sample("supervise_control_call_duration_seconds", "_bucket")
                    .Label("protocol", key.Protocol)
                    .Label("method", key.Method)
                    .BucketLabel(bound)
                    .Value(stats.CumulativeBucket(bucket));
            }
            w.Sample("supervise_control_call_duration_seconds", "_sum")
                .Label("protocol", key.Protocol)
                .Label("method", key.Method)
                .Value(stats.SumSeconds);
            w.Sample("supervise_control_call_duration_seconds", "_count")
                .Label("protocol", key.Protocol)
                .Label("method", key.Method)
                .Value(stats.Timed);
        }
    }

    private void WritePools(ExpositionWriter w)
    {
        var pools = daemon.Registry.Pools;
        w.Family(
            "supervise_event_listener_buffer_events",
            "gauge",
            "Events waiting in an event-listener pool's buffer."
        );
        foreach (var pool in pools)
        {
            w.Sample("supervise_event_listener_buffer_events").Label("pool", pool.Name).Value(pool.BufferDepth);
        }
        w.Family("supervise_event_listener_buffer_capacity_events", "gauge", "The pool's buffer_size.");
        foreach (var pool in pools)
        {
            w.Sample("supervise_event_listener_buffer_capacity_events")
                .Label("pool", pool.Name)
                .Value(pool.BufferCapacity);
        }
        w.Family(
            "supervise_event_listener_overflows_total",
            "counter",
            "Events a pool discarded because its buffer was full."
        );
        foreach (var pool in pools)
        {
            w.Sample("supervise_event_listener_overflows_total").Label("pool", pool.Name).Value(pool.Overflows);
        }
    }

    private static void WriteResources(ExpositionWriter w)
    {
        var self = ProcStat.Self();
        w.Family("supervise_daemon_start_time_seconds", "gauge", "Unix time the daemon started.");
        w.Sample("supervise_daemon_start_time_seconds").Value(StartTime.Value);
        w.Family("supervise_daemon_cpu_seconds_total", "counter", "User and system CPU time of the daemon.");
        w.Sample("supervise_daemon_cpu_seconds_total").Value(self?.CpuSeconds ?? 0);
        w.Family("supervise_daemon_resident_memory_bytes", "gauge", "Resident memory of the daemon.");
        w.Sample("supervise_daemon_resident_memory_bytes").Value(self?.ResidentBytes ?? 0);
        w.Family("supervise_daemon_threads", "gauge", "Threads of the daemon.");
        w.Sample("supervise_daemon_threads").Value(self?.Threads ?? 0);
        w.Family("supervise_daemon_open_fds", "gauge", "Open file descriptors of the daemon.");
        w.Sample("supervise_daemon_open_fds").Value(OpenFds.Count());
        w.Family(
            "supervise_daemon_allocated_bytes_total",
            "counter",
            "Bytes the daemon's .NET runtime has allocated since it started (GC.GetTotalAllocatedBytes)."
        );
        w.Sample("supervise_daemon_allocated_bytes_total").Value(GC.GetTotalAllocatedBytes());
    }
}
