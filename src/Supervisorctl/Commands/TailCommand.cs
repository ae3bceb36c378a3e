using Grpc.Core;
using Supervise.Protocol.V1;
using Supervise.Python;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_tail: `tail [-f|-N] name [stdout|stderr]`; default the last 1600 bytes of stdout.</summary>
internal sealed class TailCommand : CtlCommand
{
    public override string Name => "tail";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "tail [-f] <name> [stdout|stderr] (default stdout)\n"
        + "Ex:\n"
        + "tail -f <name>\t\tContinuous tail of named process stdout\n"
        + "\t\t\tCtrl-C to exit.\n"
        + "tail -100 <name>\tlast 100 *bytes* of process stdout\n"
        + "tail <name> stderr\tlast 1600 *bytes* of process stderr";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var args = Words(arg).ToList();
        if (args.Count is < 1 or > 3)
        {
            ctl.Output(args.Count < 1 ? "Error: too few arguments" : "Error: too many arguments");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }

        string? modifier = null;
        if (args[0].StartsWith('-'))
        {
            modifier = args[0];
            args.RemoveAt(0);
        }

        string name;
        var channel = "stdout";
        if (args.Count == 1)
        {
            name = args[0];
        }
        else if (args.Count > 1)
        {
            name = args[0];
            channel = args[^1].ToLowerInvariant();
            if (channel is not ("stderr" or "stdout"))
            {
                ctl.Output($"Error: bad channel {PyRepr.Of(channel)}");
                ctl.ExitStatus = ExitCodes.Generic;
                return false;
            }
        }
        else
        {
            ctl.Output("Error: tail requires process name");
            ctl.ExitStatus = ExitCodes.Generic;
            return false;
        }

        long bytes = 1600;
        if (modifier is not null && modifier != "-f")
        {
            if (!PyInt.TryParse(modifier.AsSpan(1), out bytes))
            {
                ctl.Output($"Error: bad argument {modifier}");
                ctl.ExitStatus = ExitCodes.Generic;
                return false;
            }
        }

        var logChannel = channel == "stderr" ? LogChannel.Stderr : LogChannel.Stdout;
        if (modifier == "-f")
        {
            await LogOutput.FollowAsync(ctl, name, logChannel, cancellationToken).ConfigureAwait(false);
            return false;
        }
        try
        {
            var chunk = await ctl
                .Client.ReadLogAsync(name, logChannel, -bytes, 0, cancellationToken)
                .ConfigureAwait(false);
            ctl.Output(LogOutput.Decode(chunk));
        }
        catch (RpcException exception) when (LogOutput.TryReportReadFault(ctl, exception, name, processLog: true)) { }
        return false;
    }
}
