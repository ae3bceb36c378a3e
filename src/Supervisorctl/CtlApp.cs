using Supervise.Supervisorctl.CommandLine;
using Supervise.Supervisorctl.Commands;
using Supervise.Supervisorctl.Configuration;
using Supervise.Supervisorctl.Shell;

namespace Supervise.Supervisorctl;

/// <summary>
/// Supervisor's supervisorctl main(): options, then the config file, then either one command (its exit status is
/// the process's) or the interactive shell (always exit 0).
/// </summary>
internal static class CtlApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CtlEnvironment environment)
    {
        CtlArguments arguments;
        CtlFileSettings? file;
        try
        {
            arguments = new CtlCommandLine().Parse(args);
            if (arguments.Help)
            {
                environment.Out.Write(UsageText.For(environment.ProgramName));
                return ExitCodes.Success;
            }
            file = new CtlConfigReader(environment.Variables, environment.CurrentDirectory).Read(
                arguments.ConfigFile,
                environment.SearchPaths
            );
        }
        catch (UsageException exception)
        {
            environment.Error.Write($"Error: {exception.Message}\nFor help, use {environment.ProgramName} -h\n");
            return ExitCodes.InvalidArgs;
        }

        var session = new CtlSession
        {
            ServerUrl = arguments.ServerUrl ?? file?.ServerUrl ?? ServerUrl.Default,
            Username = arguments.Username ?? file?.Username,
            Password = arguments.Password ?? file?.Password,
            Interactive = arguments.Interactive || arguments.Action.Count == 0,
            Prompt = file?.Prompt ?? "supervisor",
            HistoryFile = file?.HistoryFile ?? arguments.HistoryFile ?? DefaultHistory(environment),
        };
        using var ctl = new Controller(
            session,
            CommandTable.Default(),
            environment.ClientFactory,
            environment.Out,
            environment.Console,
            environment.LocalZone
        );

        if (arguments.Action.Count > 0)
        {
            await ctl.OneCmdAsync(string.Join(' ', arguments.Action), environment.CommandToken()).ConfigureAwait(false);
            await environment.Out.FlushAsync().ConfigureAwait(false);
            return ctl.ExitStatus;
        }

        var history = new History(session.HistoryFile);
        history.Load();
        var reader =
            environment.LineReader?.Invoke(ctl, history) ?? new PlainLineReader(TextReader.Null, environment.Out);
        await new InteractiveShell(ctl, reader, environment.CommandToken).RunAsync().ConfigureAwait(false);
        history.Save();
        await environment.Out.FlushAsync().ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string? DefaultHistory(CtlEnvironment environment) =>
        environment.Variables.TryGetValue("HOME", out var home) ? Path.Join(home, ".supervisorctl_history") : null;
}
