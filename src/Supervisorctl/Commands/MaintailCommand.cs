using Grpc.Core;
using Supervise.Protocol.V1;
using Supervise.Python;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_maintail: `maintail [-f|-N]`; default the last 1600 bytes of supervisord's own log.</summary>
internal sealed class MaintailCommand : CtlCommand
{
    public override string Name => "maintail";

    public override string Help =>
        "maintail -f \tContinuous tail of supervisor main log file (Ctrl-C to exit)\n"
        + "maintail -100\tlast 100 *bytes* of supervisord main log file\n"
        + "maintail\tlast 1600 *bytes* of supervisor main log file\n";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var args = Words(arg);
        long bytes = 1600;
        if (args.Length > 1)
        {
            ctl.Output("Error: too many arguments");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        if (args.Length == 1)
        {
            if (args[0] == "-f")
            {
                await LogOutput.FollowAsync(ctl, "", LogChannel.Stdout, cancellationToken).ConfigureAwait(false);
                return false;
            }
            if (!args[0].StartsWith('-') || !PyInt.TryParse(args[0].AsSpan(1), out bytes))
            {
                ctl.Output($"Error: bad argument {args[0]}");
                ctl.ExitStatus = ExitCodes.Generic;
                return false;
            }
        }
        try
        {
            var chunk = await ctl
                .Client.ReadLogAsync("", LogChannel.Stdout, -bytes, 0, cancellationToken)
                .ConfigureAwait(false);
            ctl.Output(LogOutput.Decode(chunk));
        }
        catch (RpcException exception)
            when (LogOutput.TryReportReadFault(ctl, exception, "supervisord", processLog: false)) { }
        return false;
    }
}
