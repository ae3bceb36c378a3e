using Supervise.Supervisorctl.Commands;

namespace Supervise.Supervisorctl.Shell;

/// <summary>
/// Supervisor's exec_cmdloop: runs `status` first, then one command per line until quit, exit or end of input.
/// Ctrl-C at the prompt prints a newline and leaves; Ctrl-C during a command cancels only that command.
/// </summary>
internal sealed class InteractiveShell(Controller ctl, ILineReader reader, Func<CancellationToken> commandToken)
{
    public async Task RunAsync()
    {
        var line = "status";
        while (!await ctl.OneCmdAsync(line, commandToken()).ConfigureAwait(false))
        {
            await ctl.Out.FlushAsync().ConfigureAwait(false);
            try
            {
                line = reader.ReadLine(ctl.Session.Prompt + "> ") ?? "EOF";
            }
            catch (OperationCanceledException)
            {
                ctl.Output("");
                return;
            }
        }
    }
}
