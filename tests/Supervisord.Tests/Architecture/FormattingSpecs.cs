using System.Diagnostics;

namespace Supervise.Supervisord.Tests.Architecture;

/// <summary>
/// The whole tree is as CSharpier writes it (pinned in .config/dotnet-tools.json, 120 columns in .csharpierrc.yaml), so
/// that the file-size norm is met by structure and not by long lines. `./build.sh format` fixes what this finds.
/// </summary>
public sealed class FormattingSpecs
{
    [Fact]
    public async Task Every_source_file_is_as_CSharpier_formats_it()
    {
        var restore = await DotnetAsync("tool", "restore");
        restore.ExitCode.Should().Be(0, restore.Output);

        var check = await DotnetAsync("csharpier", "check", "src", "tests");

        check
            .ExitCode.Should()
            .Be(0, "these files are not formatted (./build.sh format rewrites them):\n" + check.Output);
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = SourceTree.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
