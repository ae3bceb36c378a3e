using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Metrics;

/// <summary>The per-process families, labelled group and name.</summary>
public sealed partial class MetricsExposition
{
    private static void WriteProcesses(
        ExpositionWriter w,
        ReadOnlySpan<ProcessRow> rows,
        ReadOnlySpan<byte> labels,
        DateTimeOffset now
    )
    {
        w.Family(
            "supervise_process_state"u8,
            "gauge"u8,
            "1 for the state the process is in, 0 for the others (one series per state name)."u8
        );
        foreach (var row in rows)
        {
            for (var i = 0; i < States.Length; i++)
            {
                Process(w, "supervise_process_state"u8, labels, row)
                    .Label("state"u8, StateNames[i])
                    .Value(row.Snapshot.State == States[i] ? 1 : 0);
            }
        }
        w.Family(
            "supervise_process_state_code"u8,
            "gauge"u8,
            "Supervisor's numeric state code (0 STOPPED, 10 STARTING, 20 RUNNING, 30 BACKOFF, 40 STOPPING, 100 EXITED, 200 FATAL, 1000 UNKNOWN)."u8
        );
        foreach (var row in rows)
        {
            Process(w, "supervise_process_state_code"u8, labels, row).Value((long)row.Snapshot.State);
        }
        w.Family(
            "supervise_process_start_time_seconds"u8,
            "gauge"u8,
            "Unix time of the last start, 0 when it never started."u8
        );
        foreach (var row in rows)
        {
            Process(w, "supervise_process_start_time_seconds"u8, labels, row)
                .Value(row.Snapshot.LastStart?.ToUnixTimeMilliseconds() ?? 0, decimals: 3);
        }
        w.Family(
            "supervise_process_uptime_seconds"u8,
            "gauge"u8,
            "Seconds since the last start while the process has a pid, else 0."u8
        );
        foreach (var row in rows)
        {
            var up =
                row.Snapshot.State.IsSignallable() && row.Snapshot.LastStart is { } start && now > start
                    ? (now - start).Ticks
                    : 0;
            Process(w, "supervise_process_uptime_seconds"u8, labels, row).Value(up, decimals: 7);
        }
        w.Family(
            "supervise_process_exit_status"u8,
            "gauge"u8,
            "Exit status of the last exit (Supervisor's exitstatus)."u8
        );
        foreach (var row in rows)
        {
            Process(w, "supervise_process_exit_status"u8, labels, row).Value(row.Snapshot.ExitStatus);
        }
        WriteLife(w, rows, labels);
        WriteLogs(w, rows, labels);
    }

    private static void WriteLife(ExpositionWriter w, ReadOnlySpan<ProcessRow> rows, ReadOnlySpan<byte> labels)
    {
        w.Family("supervise_process_spawns_total"u8, "counter"u8, "Spawn attempts (entries into STARTING)."u8);
        foreach (var row in rows)
        {
            Process(w, "supervise_process_spawns_total"u8, labels, row).Value(row.Counters?.Spawns ?? 0);
        }
        w.Family(
            "supervise_process_exits_total"u8,
            "counter"u8,
            "Entries into EXITED (an exit after RUNNING), by whether the exit code was in exitcodes."u8
        );
        foreach (var row in rows)
        {
            Process(w, "supervise_process_exits_total"u8, labels, row)
                .Label("expected"u8, "true"u8)
                .Value(row.Counters?.ExpectedExits ?? 0);
            Process(w, "supervise_process_exits_total"u8, labels, row)
                .Label("expected"u8, "false"u8)
                .Value(row.Counters?.UnexpectedExits ?? 0);
        }
        w.Family(
            "supervise_process_backoffs_total"u8,
            "counter"u8,
            "Entries into BACKOFF (the process exited before startsecs)."u8
        );
        foreach (var row in rows)
        {
            Process(w, "supervise_process_backoffs_total"u8, labels, row).Value(row.Counters?.Backoffs ?? 0);
        }
        w.Family("supervise_process_fatals_total"u8, "counter"u8, "Entries into FATAL (startretries exhausted)."u8);
        foreach (var row in rows)
        {
            Process(w, "supervise_process_fatals_total"u8, labels, row).Value(row.Counters?.Fatals ?? 0);
        }
    }

    /// <summary>CPU and memory, <paramref name="usage"/>[i] being row i's child (null without one).</summary>
    private static void WriteUsage(
        ExpositionWriter w,
        ReadOnlySpan<ProcessRow> rows,
        ReadOnlySpan<ChildUsage?> usage,
        ReadOnlySpan<byte> labels
    )
    {
        w.Family(
            "supervise_process_cpu_seconds_total"u8,
            "counter"u8,
            "User and system CPU time of the running child (its CPU-time clock); restarts from 0 with each spawn."u8
        );
        for (var i = 0; i < rows.Length; i++)
        {
            Process(w, "supervise_process_cpu_seconds_total"u8, labels, rows[i]).Value(usage[i]?.CpuSeconds ?? 0);
        }
        w.Family(
            "supervise_process_resident_memory_bytes"u8,
            "gauge"u8,
            "Resident memory of the running child (/proc/PID/statm), 0 without one."u8
        );
        for (var i = 0; i < rows.Length; i++)
        {
            Process(w, "supervise_process_resident_memory_bytes"u8, labels, rows[i])
                .Value(usage[i]?.ResidentBytes ?? 0);
        }
    }

    private static void WriteLogs(ExpositionWriter w, ReadOnlySpan<ProcessRow> rows, ReadOnlySpan<byte> labels)
    {
        w.Family(
            "supervise_process_log_written_bytes_total"u8,
            "counter"u8,
            "Bytes written to the channel's log file since it was opened."u8
        );
        foreach (var row in rows)
        {
            Channel(
                w,
                "supervise_process_log_written_bytes_total"u8,
                labels,
                row,
                "stdout"u8,
                row.Process.Stdout.BytesWritten
            );
            Channel(
                w,
                "supervise_process_log_written_bytes_total"u8,
                labels,
                row,
                "stderr"u8,
                row.Process.Stderr.BytesWritten
            );
        }
        w.Family(
            "supervise_process_log_dropped_bytes_total"u8,
            "counter"u8,
            "Bytes the channel's log file lost to write failures (a full disk)."u8
        );
        foreach (var row in rows)
        {
            Channel(
                w,
                "supervise_process_log_dropped_bytes_total"u8,
                labels,
                row,
                "stdout"u8,
                row.Process.Stdout.BytesDropped
            );
            Channel(
                w,
                "supervise_process_log_dropped_bytes_total"u8,
                labels,
                row,
                "stderr"u8,
                row.Process.Stderr.BytesDropped
            );
        }
    }

    private static ExpositionWriter Process(
        ExpositionWriter w,
        ReadOnlySpan<byte> name,
        ReadOnlySpan<byte> labels,
        in ProcessRow row
    ) => w.Sample(name).Labels(labels[row.Labels]);

    private static void Channel(
        ExpositionWriter w,
        ReadOnlySpan<byte> name,
        ReadOnlySpan<byte> labels,
        in ProcessRow row,
        ReadOnlySpan<byte> channel,
        long value
    ) => Process(w, name, labels, row).Label("channel"u8, channel).Value(value);
}
