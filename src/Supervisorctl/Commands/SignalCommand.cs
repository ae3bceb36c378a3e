using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_signal: `signal SIG name...`; every failure but success sets an exit status.</summary>
internal sealed class SignalCommand : CtlCommand
{
    public override string Name => "signal";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "signal <signal name> <name>\t\tSignal a process\n"
        + "signal <signal name> <gname>:*\t\tSignal all processes in a group\n"
        + "signal <signal name> <name> <name>\tSignal multiple processes or groups\n"
        + "signal <signal name> all\t\tSignal all processes";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var args = Words(arg);
        if (args.Length < 2)
        {
            ctl.Output("Error: signal requires a signal name and a process name");
            ctl.Output(Help);
            ctl.ExitStatus = ExitCodes.Generic;
            return false;
        }
        var signal = args[0];
        var action = new ProcessAction
        {
            CallAsync = (target, token) => ctl.Client.SignalAsync(target, signal, token),
            Format = (name, fault, text) => ResultMessages.Signal(name, fault, text),
        };
        await action.RunAsync(ctl, args[1..], null, cancellationToken).ConfigureAwait(false);
        return false;
    }
}
