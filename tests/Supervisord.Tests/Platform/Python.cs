using System.Diagnostics;

namespace Supervise.Supervisord.Tests.Platform;

/// <summary>Runs a snippet under Python 3, the reference for Supervisor's names (signal, errno).</summary>
internal static class Python
{
    public const string Path = "/usr/bin/python3";

    public static IReadOnlyList<string> Run(string script)
    {
        using var process = Process.Start(
            new ProcessStartInfo(Path, ["-c", script]) { RedirectStandardOutput = true }
        )!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(10_000).Should().BeTrue("python3 answers within 10 s");
        process.ExitCode.Should().Be(0);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

/// <summary>A fact compared against Python; skipped, visibly, where there is no python3.</summary>
internal sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (!File.Exists(Python.Path))
        {
            Skip = $"needs {Python.Path} as the reference";
        }
    }
}
