using CliWrap;
using CliWrap.Buffered;

namespace Supervise.Integration.Tests.Infrastructure;

public sealed record CtlResult(int ExitCode, string Output);

/// <summary>Runs the real supervisorctl, capturing stdout and stderr together as Supervisor's users see them.</summary>
public static class Ctl
{
    public static async Task<CtlResult> RunAsync(string configPath, params string[] arguments)
    {
        var result = await Cli.Wrap(Binaries.Supervisorctl)
            .WithArguments(["-c", configPath, .. arguments])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new CtlResult(result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
