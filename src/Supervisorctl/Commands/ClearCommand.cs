using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_clear: clears a process's log files; Supervisor has no group form, so `g:*` goes through as a name.</summary>
internal sealed class ClearCommand : CtlCommand
{
    public override string Name => "clear";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "clear <name>\t\tClear a process' log files.\n"
        + "clear <name> <name>\tClear multiple process' log files\n"
        + "clear all\t\tClear all process' log files";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var names = Words(arg);
        if (names.Length == 0)
        {
            ctl.Output("Error: clear requires a process name");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        var action = new ProcessAction
        {
            CallAsync = ctl.Client.ClearLogAsync,
            Format = (name, fault, _) => ResultMessages.Clear(name, fault),
            UnknownGroupExit = null,
        };
        await action.RunAsync(ctl, names, null, cancellationToken).ConfigureAwait(false);
        return false;
    }
}
