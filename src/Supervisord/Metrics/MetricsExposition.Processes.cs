using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Metrics;

/// <summary>The per-process families, labelled group and name.</summary>
public sealed partial class MetricsExposition
{
    private static void WriteProcesses(ExpositionWriter w, ReadOnlySpan<ProcessRow> rows, ReadOnlySpan<byte> labels, DateTimeOffset now)
    {
        w.Family("supervise_process_state", "gauge", "1 for the state the process is in, 0 for the others (one series per state name).");
        foreach (var row in rows)
        {
            foreach (var state in States)
            {
                Process(w, "supervise_process_state", labels, row).Label("state", state.Name()).Value(row.Snapshot.State == state ? 1 : 0);
            }
        }
        w.Family("supervise_process_state_code", "gauge", "Supervisor's numeric state code (0 STOPPED, 10 STARTING, 20 RUNNING, 30 BACKOFF, 40 STOPPING, 100 EXITED, 200 FATAL, 1000 UNKNOWN).");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_state_code", labels, row).Value((long)row.Snapshot.State);
        }
        w.Family("supervise_process_start_time_seconds", "gauge", "Unix time of the last start, 0 when it never started.");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_start_time_seconds", labels, row).Value(row.Snapshot.LastStart?.ToUnixTimeMilliseconds() / 1000.0 ?? 0);
        }
        w.Family("supervise_process_uptime_seconds", "gauge", "Seconds since the last start while the process has a pid, else 0.");
        foreach (var row in rows)
        {
            var up = row.Snapshot.State.IsSignallable() && row.Snapshot.LastStart is { } start && now > start ? (now - start).TotalSeconds : 0;
            Process(w, "supervise_process_uptime_seconds", labels, row).Value(up);
        }
        w.Family("supervise_process_exit_status", "gauge", "Exit status of the last exit (Supervisor's exitstatus).");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_exit_status", labels, row).Value(row.Snapshot.ExitStatus);
        }
        WriteLife(w, rows, labels);
        WriteUsage(w, rows, labels);
        WriteLogs(w, rows, labels);
    }

    private static void WriteLife(ExpositionWriter w, ReadOnlySpan<ProcessRow> rows, ReadOnlySpan<byte> labels)
    {
        w.Family("supervise_process_spawns_total", "counter", "Spawn attempts (entries into STARTING).");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_spawns_total", labels, row).Value(row.Counters?.Spawns ?? 0);
        }
        w.Family("supervise_process_exits_total", "counter", "Entries into EXITED (an exit after RUNNING), by whether the exit code was in exitcodes.");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_exits_total", labels, row).Label("expected", "true").Value(row.Counters?.ExpectedExits ?? 0);
            Process(w, "supervise_process_exits_total", labels, row).Label("expected", "false").Value(row.Counters?.UnexpectedExits ?? 0);
        }
        w.Family("supervise_process_backoffs_total", "counter", "Entries into BACKOFF (the process exited before startsecs).");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_backoffs_total", labels, row).Value(row.Counters?.Backoffs ?? 0);
        }
        w.Family("supervise_process_fatals_total", "counter", "Entries into FATAL (startretries exhausted).");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_fatals_total", labels, row).Value(row.Counters?.Fatals ?? 0);
        }
    }

    private static void WriteUsage(ExpositionWriter w, ReadOnlySpan<ProcessRow> rows, ReadOnlySpan<byte> labels)
    {
        w.Family("supervise_process_cpu_seconds_total", "counter", "User and system CPU time of the running child (/proc/PID/stat); restarts from 0 with each spawn.");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_cpu_seconds_total", labels, row).Value(row.Usage?.CpuSeconds ?? 0);
        }
        w.Family("supervise_process_resident_memory_bytes", "gauge", "Resident memory of the running child (/proc/PID/stat), 0 without one.");
        foreach (var row in rows)
        {
            Process(w, "supervise_process_resident_memory_bytes", labels, row).Value(row.Usage?.ResidentBytes ?? 0);
        }
    }

    private static void WriteLogs(ExpositionWriter w, ReadOnlySpan<ProcessRow> rows, ReadOnlySpan<byte> labels)
    {
        w.Family("supervise_process_log_written_bytes_total", "counter", "Bytes written to the channel's log file since it was opened.");
        foreach (var row in rows)
        {
            Channel(w, "supervise_process_log_written_bytes_total", labels, row, "stdout", row.Process.Stdout.BytesWritten);
            Channel(w, "supervise_process_log_written_bytes_total", labels, row, "stderr", row.Process.Stderr.BytesWritten);
        }
        w.Family("supervise_process_log_dropped_bytes_total", "counter", "Bytes the channel's log file lost to write failures (a full disk).");
        foreach (var row in rows)
        {
            Channel(w, "supervise_process_log_dropped_bytes_total", labels, row, "stdout", row.Process.Stdout.BytesDropped);
            Channel(w, "supervise_process_log_dropped_bytes_total", labels, row, "stderr", row.Process.Stderr.BytesDropped);
        }
    }

    private static ExpositionWriter Process(ExpositionWriter w, string name, ReadOnlySpan<byte> labels, in ProcessRow row) =>
        w.Sample(name).Labels(labels[row.Labels]);

    private static void Channel(ExpositionWriter w, string name, ReadOnlySpan<byte> labels, in ProcessRow row, string channel, long value) =>
        Process(w, name, labels, row).Label("channel", channel).Value(value);
}
