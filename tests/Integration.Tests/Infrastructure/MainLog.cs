using System.Globalization;

namespace Supervise.Integration.Tests.Infrastructure;

/// <summary>Reads supervisord's main log: "2026-11-23 19:05:44,835 INFO message" lines.</summary>
public static class MainLog
{
    public static IReadOnlyList<(DateTime Time, string Level, string Message)> Read(Daemon daemon) =>
        Read(Path.Combine(daemon.Directory, "supervisord.log"));

    public static IReadOnlyList<(DateTime Time, string Level, string Message)> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var lines = new List<(DateTime, string, string)>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (
                line.Length > 29
                && DateTime.TryParseExact(
                    line[..23],
                    "yyyy-MM-dd HH:mm:ss,fff",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var time
                )
            )
            {
                var rest = line[24..];
                var space = rest.IndexOf(' ');
                lines.Add((time, rest[..space], rest[(space + 1)..]));
            }
        }
        return lines;
    }

    public static IReadOnlyList<DateTime> TimesOf(Daemon daemon, string messagePrefix) =>
        Read(daemon)
            .Where(l => l.Message.StartsWith(messagePrefix, StringComparison.Ordinal))
            .Select(l => l.Time)
            .ToList();
}
