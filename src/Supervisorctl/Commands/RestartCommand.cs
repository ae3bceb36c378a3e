namespace Supervise.Supervisorctl.Commands;

/// <summary>do_restart: every listed name is stopped first, then all are started (Supervisor issue #723).</summary>
internal sealed class RestartCommand : CtlCommand
{
    private readonly StopCommand _stop = new();
    private readonly StartCommand _start = new();

    public override string Name => "restart";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "restart <name>\t\tRestart a process\n"
        + "restart <gname>:*\tRestart all processes in a group\n"
        + "restart <name> <name>\tRestart multiple processes or groups\n"
        + "restart all\t\tRestart all processes\n"
        + "Note: restart does not reread config files. For that, see reread and update.";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var (names, json) = JsonFlag.Split(arg);
        if (names.Count == 0)
        {
            ctl.Output("Error: restart requires a process name");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        await _stop.RunAsync(ctl, names, json, cancellationToken).ConfigureAwait(false);
        await _start.RunAsync(ctl, names, json, cancellationToken).ConfigureAwait(false);
        json?.Let(j => ctl.Output(j.Render()));
        return false;
    }
}
