using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Supervise.Naming;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Output;

/// <summary>JSON written with Utf8JsonWriter: no reflection, so the ctl stays NativeAOT-clean and starts fast.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Processes(IReadOnlyList<ProcessInfo> infos, TimeZoneInfo localZone) =>
        Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var info in infos)
            {
                writer.WriteStartObject();
                writer.WriteString("name", ProcessName.Make(info.Group, info.Name));
                writer.WriteString("group", info.Group);
                writer.WriteString("process", info.Name);
                writer.WriteString("state", StatusFormatter.StateName(info));
                writer.WriteNumber("state_code", (int)info.State);
                writer.WriteNumber("pid", info.Pid);
                writer.WriteNumber("start", info.Start);
                writer.WriteNumber("stop", info.Stop);
                writer.WriteNumber(
                    "uptime_seconds",
                    info.State == ProcessState.Running ? Math.Max(0, info.Now - info.Start) : 0
                );
                writer.WriteNumber("exitstatus", info.Exitstatus);
                writer.WriteString("spawnerr", info.Spawnerr);
                writer.WriteString("description", StatusFormatter.Description(info, localZone));
                writer.WriteBoolean("ready", info.Ready);
                writer.WriteString("ready_probe", info.ReadyProbe);
                writer.WriteStartArray("depends_on");
                foreach (var dependency in info.DependsOn)
                {
                    writer.WriteStringValue(dependency);
                }
                writer.WriteEndArray();
                writer.WriteNumber("cpu_seconds", info.CpuSeconds);
                writer.WriteNumber("rss_bytes", info.RssBytes);
                writer.WriteNumber("spawns", info.Spawns);
                WriteLifecycle(writer, info);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });

    public static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The lifecycle options beyond Supervisor's (startretries=forever, backoff=, env_files=...).</summary>
    private static void WriteLifecycle(Utf8JsonWriter writer, ProcessInfo info)
    {
        if (info.Startretries < 0)
        {
            writer.WriteString("startretries", "forever");
        }
        else
        {
            writer.WriteNumber("startretries", info.Startretries);
        }
        writer.WriteString("backoff", info.Backoff);
        if (info.BackoffMaxSeconds > 0)
        {
            writer.WriteNumber("backoff_max", info.BackoffMaxSeconds);
        }
        else
        {
            writer.WriteNull("backoff_max");
        }
        writer.WriteNumber("backoff_jitter", info.BackoffJitter);
        writer.WriteNumber("backoff_reset", info.BackoffResetSeconds);
        writer.WriteBoolean("restart_throttle", info.RestartThrottle);
        writer.WriteStartArray("env_files");
        foreach (var file in info.EnvFiles)
        {
            writer.WriteStringValue(file);
        }
        writer.WriteEndArray();
    }
}
