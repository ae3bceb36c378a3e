using System.Collections;
using System.Text;
using Supervise.Supervisorctl.Client;
using Supervise.Supervisorctl.Shell;

namespace Supervise.Supervisorctl;

/// <summary>Composition root: the real console, environment and gRPC client around <see cref="CtlApp"/>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
        {
            AutoFlush = false,
            NewLine = "\n",
        };
        var error = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false))
        {
            AutoFlush = true,
            NewLine = "\n",
        };
        using var interrupts = new Interrupts();
        Console.CancelKeyPress += interrupts.OnCancelKeyPress;
        try
        {
            var environment = new CtlEnvironment(
                output,
                error,
                new SystemConsole(output),
                session => new GrpcSupervisorClient(session.ServerUrl, session.Username, session.Password),
                Variables(),
                Environment.CurrentDirectory,
                CtlEnvironment.DefaultSearchPaths(),
                Environment.ProcessPath ?? "supervisorctl",
                TimeZoneInfo.Local
            )
            {
                CommandToken = interrupts.Next,
                LineReader = (ctl, history) =>
                    Console.IsInputRedirected
                        ? new PlainLineReader(Console.In, output)
                        : new TerminalLineEditor(ReadKey, output, history, new Completer(ctl).Complete),
            };
            return await CtlApp.RunAsync(args, environment).ConfigureAwait(false);
        }
        finally
        {
            await output.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads a key with Ctrl-C delivered as a key, so the editor (not the signal handler) sees it at the prompt.</summary>
    private static ConsoleKeyInfo ReadKey()
    {
        Console.TreatControlCAsInput = true;
        try
        {
            return Console.ReadKey(intercept: true);
        }
        finally
        {
            Console.TreatControlCAsInput = false;
        }
    }

    private static Dictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        }
        return variables;
    }
}
