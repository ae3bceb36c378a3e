using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Wire;

/// <summary>
/// The class fixture of <see cref="RecordedRepliesSpecs"/>: runs Fixtures/record.py once against our supervisord (the
/// same sequence that recorded 4.2.5, about 30 s) into a temp folder, which every case then reads. The recorder kills
/// the daemon and its children at exit, whatever happens; its output is kept for the failure messages.
/// </summary>
public sealed class OurRecording : IAsyncLifetime
{
    public static string FixturesDirectory =>
        Path.Combine(Binaries.RepositoryRoot, "tests/Integration.Tests/Wire/Fixtures");

    public static string SupervisorDirectory => Path.Combine(FixturesDirectory, "4.2.5");

    /// <summary>Debian's python3, else the first on PATH, else null (the specs are then skipped).</summary>
    public static string? Python { get; } = FindPython();

    public string Directory { get; } =
        Path.Combine(Path.GetTempPath(), "supervise-recorded-" + Guid.NewGuid().ToString("N")[..8]);

    public string RecorderOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Python is null)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var result = await Cli.Wrap(Python)
            .WithArguments([
                Path.Combine(FixturesDirectory, "record.py"),
                "--supervisord",
                Binaries.Supervisord,
                "--out",
                Directory,
            ])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        RecorderOutput = $"record.py exited with {result.ExitCode}:\n{result.StandardOutput}{result.StandardError}";
    }

    public RecordedReply Ours(string name)
    {
        var path = Path.Combine(Directory, name + ".response");
        File.Exists(path)
            .Should()
            .BeTrue($"the recorder should have recorded {name} from our daemon; {RecorderOutput}");
        return RecordedReply.Load(path);
    }

    public static RecordedReply Supervisors(string name) =>
        RecordedReply.Load(Path.Combine(SupervisorDirectory, name + ".response"));

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        return Task.CompletedTask;
    }

    private static string? FindPython()
    {
        if (File.Exists("/usr/bin/python3"))
        {
            return "/usr/bin/python3";
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "python3"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A theory that needs python3 (record.py): skipped with the reason where there is none.</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        if (OurRecording.Python is null)
        {
            Skip = "needs python3 to run Fixtures/record.py (apt-get install python3)";
        }
    }
}
