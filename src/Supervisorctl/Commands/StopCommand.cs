using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_stop: NOT_RUNNING is reported but exits 0; FAILED prints the fault text as is.</summary>
internal sealed class StopCommand : CtlCommand
{
    public override string Name => "stop";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "stop <name>\t\tStop a process\n"
        + "stop <gname>:*\t\tStop all processes in a group\n"
        + "stop <name> <name>\tStop multiple processes or groups\n"
        + "stop all\t\tStop all processes";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        var (names, json) = JsonFlag.Split(arg);
        await RunAsync(ctl, names, json, cancellationToken).ConfigureAwait(false);
        json?.Let(j => ctl.Output(j.Render()));
        return false;
    }

    /// <summary>Shared with restart, which runs stop and then start on the same names.</summary>
    public async Task RunAsync(
        Controller ctl,
        IReadOnlyList<string> names,
        JsonResults? json,
        CancellationToken cancellationToken
    )
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        if (names.Count == 0)
        {
            ctl.Output("Error: stop requires a process name");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return;
        }
        json?.Let(j => j.Action = "stop");
        var action = new ProcessAction
        {
            CallAsync = ctl.Client.StopAsync,
            Format = ResultMessages.Stop,
            IgnoredFault = Fault.NotRunning,
        };
        await action.RunAsync(ctl, names, json, cancellationToken).ConfigureAwait(false);
    }
}
