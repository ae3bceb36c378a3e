using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_pid: supervisord's pid, one process's (0 and exit 7 when not running), or every process's.</summary>
internal sealed class PidCommand : CtlCommand
{
    public override string Name => "pid";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "pid\t\t\tGet the PID of supervisord.\n"
        + "pid <name>\t\tGet the PID of a single child process by name.\n"
        + "pid all\t\t\tGet the PID of every child process, one per line.";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var names = Words(arg);
        if (names.Length == 0)
        {
            ctl.Output(Text((await ctl.Client.GetStateAsync(cancellationToken).ConfigureAwait(false)).Pid));
        }
        else if (names.Contains("all"))
        {
            foreach (var info in await ctl.Client.ListProcessesAsync(cancellationToken).ConfigureAwait(false))
            {
                ctl.Output(Text(info.Pid));
            }
        }
        else
        {
            foreach (var name in names)
            {
                await PrintOneAsync(ctl, name, cancellationToken).ConfigureAwait(false);
            }
        }
        return false;
    }

    private static async Task PrintOneAsync(Controller ctl, string name, CancellationToken cancellationToken)
    {
        try
        {
            var info = await ctl.Client.GetProcessAsync(name, cancellationToken).ConfigureAwait(false);
            ctl.Output(Text(info.Pid));
            if (info.Pid == 0)
            {
                ctl.ExitStatus = ExitCodes.NotRunning;
            }
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) is { } fault)
        {
            ctl.ExitStatus = ExitCodes.Generic;
            if (fault != Fault.BadName)
            {
                throw;
            }
            ctl.Output($"No such process {name}");
        }
    }

    private static string Text(int pid) => pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
