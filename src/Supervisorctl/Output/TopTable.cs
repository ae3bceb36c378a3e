using System.Globalization;
using Supervise.Naming;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Output;

/// <summary>
/// The table `top` prints: name, state, pid, CPU, resident memory, restarts and uptime of each process. CPU is the
/// share of one core since the previous sample of the same pid, or, for the first sample (and `--once`), the
/// average since the process started, as ps(1) reports %CPU. Restarts are the spawns after the first.
/// </summary>
internal sealed class TopTable
{
    private Dictionary<string, Sample> _previous = [];

    public IReadOnlyList<string> Render(IReadOnlyList<ProcessInfo> infos, TimeSpan? sinceLast)
    {
        var names = infos.Select(i => ProcessName.Make(i.Group, i.Name)).ToList();
        var width = Math.Max(4, names.Count == 0 ? 0 : names.Max(n => n.Length)) + 2;
        var lines = new List<string>
        {
            "NAME".PadRight(width)
                + "STATE".PadRight(10)
                + "PID".PadLeft(8)
                + "%CPU".PadLeft(8)
                + "RSS".PadLeft(10)
                + "RESTARTS".PadLeft(10)
                + "  UPTIME",
        };
        var current = new Dictionary<string, Sample>(StringComparer.Ordinal);
        for (var i = 0; i < infos.Count; i++)
        {
            var info = infos[i];
            current[names[i]] = new Sample(info.Pid, info.CpuSeconds);
            var running = info.Pid > 0;
            lines.Add(
                names[i].PadRight(width)
                    + StatusFormatter.StateName(info).PadRight(10)
                    + (running ? info.Pid.ToString(CultureInfo.InvariantCulture) : "-").PadLeft(8)
                    + (
                        running ? Cpu(info, names[i], sinceLast).ToString("0.0", CultureInfo.InvariantCulture) : "-"
                    ).PadLeft(8)
                    + (running ? Memory(info.RssBytes) : "-").PadLeft(10)
                    + Math.Max(0, info.Spawns - 1).ToString(CultureInfo.InvariantCulture).PadLeft(10)
                    + "  "
                    + (info.State == ProcessState.Running ? Uptime(info) : "-")
            );
        }
        _previous = current;
        return lines;
    }

    /// <summary>Binary units as top(1) shows them: 512K, 12.3M, 1.5G.</summary>
    public static string Memory(long bytes) =>
        bytes switch
        {
            < 1 << 20 => (bytes / 1024).ToString(CultureInfo.InvariantCulture) + "K",
            < 1 << 30 => (bytes / (double)(1 << 20)).ToString("0.0", CultureInfo.InvariantCulture) + "M",
            _ => (bytes / (double)(1 << 30)).ToString("0.0", CultureInfo.InvariantCulture) + "G",
        };

    private double Cpu(ProcessInfo info, string name, TimeSpan? sinceLast)
    {
        if (
            sinceLast is { TotalSeconds: > 0 } interval
            && _previous.TryGetValue(name, out var before)
            && before.Pid == info.Pid
        )
        {
            return Math.Max(0, info.CpuSeconds - before.CpuSeconds) / interval.TotalSeconds * 100;
        }
        var lived = info.Now - info.Start;
        return lived > 0 ? info.CpuSeconds / lived * 100 : 0;
    }

    private static string Uptime(ProcessInfo info)
    {
        var seconds = Math.Max(0, info.Now - info.Start);
        return $"{seconds / 3600}:{seconds % 3600 / 60:00}:{seconds % 60:00}";
    }

    private readonly record struct Sample(int Pid, double CpuSeconds);
}
