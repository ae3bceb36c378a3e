using System.Text.RegularExpressions;

namespace Supervise.Faults;

/// <summary>Reads the numbered lines ("quiet line 12") a spec's shell child wrote into its log.</summary>
public static partial class LogLines
{
    public static IReadOnlyList<int> Numbers(string path, string prefix)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var numbers = new List<int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(line[prefix.Length..], out var n))
            {
                numbers.Add(n);
            }
        }
        return numbers;
    }

    /// <summary>The main log's lines whose message mentions <paramref name="path"/> and starts with <paramref name="start"/>.</summary>
    public static int CountMainLog(Daemon daemon, string start, string path) =>
        MainLog
            .Read(daemon)
            .Count(l =>
                l.Message.StartsWith(start, StringComparison.Ordinal)
                && l.Message.Contains(path, StringComparison.Ordinal)
            );

    /// <summary>A stack trace line as .NET prints it.</summary>
    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    public static partial Regex StackFrame();
}
