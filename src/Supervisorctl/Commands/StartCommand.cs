using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_start: ALREADY_STARTED is reported but exits 0; an unknown group exits 2.</summary>
internal sealed class StartCommand : CtlCommand
{
    public override string Name => "start";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "start <name>\t\tStart a process\n"
        + "start <gname>:*\t\tStart all processes in a group\n"
        + "start <name> <name>\tStart multiple processes or groups\n"
        + "start all\t\tStart all processes";

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
            ctl.Output("Error: start requires a process name");
            ctl.ExitStatus = ExitCodes.InvalidArgs;
            ctl.Output(Help);
            return;
        }
        json?.Let(j => j.Action = "start");
        var action = new ProcessAction
        {
            CallAsync = ctl.Client.StartAsync,
            Format = (name, fault, _) => ResultMessages.Start(name, fault),
            IgnoredFault = Fault.AlreadyStarted,
            UnknownGroupExit = ExitCodes.InvalidArgs,
        };
        await action.RunAsync(ctl, names, json, cancellationToken).ConfigureAwait(false);
    }
}
