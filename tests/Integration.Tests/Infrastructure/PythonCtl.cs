using CliWrap;
using CliWrap.Buffered;

namespace Supervise.Integration.Tests.Infrastructure;

/// <summary>
/// Python's own supervisorctl 4.2.5 (Debian's supervisor package, which .ci/run installs): the real client of
/// Supervisor's wire. Specs that need it are [ToolFact(PythonCtl.Path)]: skipped, visibly, where it is missing.
/// </summary>
public static class PythonCtl
{
    public const string Path = "/usr/bin/supervisorctl";

    public static bool Present => File.Exists(Path);

    public static async Task<CtlResult> RunWithInputAsync(string configPath, string? stdin, params string[] arguments)
    {
        var command = Cli.Wrap(Path)
            .WithArguments(["-c", configPath, .. arguments])
            .WithValidation(CommandResultValidation.None);
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin));
        }
        var result = await command.ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new CtlResult(result.ExitCode, result.StandardOutput + result.StandardError);
    }

    public static Task<CtlResult> RunAsync(string configPath, params string[] arguments) =>
        RunWithInputAsync(configPath, null, arguments);
}
