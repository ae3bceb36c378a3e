using System.Text;
using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Python;

namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// do_fg: streams a running process's stdout and stderr while each typed line goes to its stdin. Ends on Ctrl-C or
/// end of input ("Exiting foreground") or when the process stops ("Process got killed").
/// </summary>
internal sealed class FgCommand : CtlCommand
{
    public override string Name => "fg";

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help => "fg <process>\tConnect to a process in foreground mode\n\t\tCtrl-C to exit";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var names = Words(arg);
        if (names.Length != 1)
        {
            ctl.Output(
                names.Length == 0 ? "ERROR: no process name supplied" : "ERROR: too many process names supplied"
            );
            ctl.ExitStatus = ExitCodes.Generic;
            if (names.Length == 0)
            {
                ctl.Output(Help);
            }
            return false;
        }
        var name = names[0];
        if (await StateOfAsync(ctl, name, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return false;
        }
        if (state != ProcessState.Running)
        {
            ctl.Output("ERROR: process not running");
            ctl.ExitStatus = ExitCodes.Generic;
            return false;
        }

        ctl.Output("==> Press Ctrl-C to exit <==");
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = Task.WhenAll(
            PumpAsync(ctl, name, LogChannel.Stdout, streams.Token),
            PumpAsync(ctl, name, LogChannel.Stderr, streams.Token)
        );
        try
        {
            await ForwardInputAsync(ctl, name, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await streams.CancelAsync().ConfigureAwait(false);
            await output.ConfigureAwait(false);
        }
        return false;
    }

    private static async Task ForwardInputAsync(Controller ctl, string name, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Console reads block; run them off the caller so Ctrl-C (the token) can end the loop.
            var line = await Task.Run(() => ctl.Console.ReadLine(""), cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }
            try
            {
                await ctl
                    .Client.SendStdinAsync(name, Encoding.UTF8.GetBytes(line + "\n"), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (RpcException exception) when (FaultException.FaultOf(exception) is { } fault)
            {
                ctl.Output(fault == Fault.NotRunning ? "Process got killed" : $"ERROR: {FaultText(exception)}");
                ctl.Output("Exiting foreground");
                return;
            }
            var info = await ctl.Client.GetProcessAsync(name, cancellationToken).ConfigureAwait(false);
            if (info.State != ProcessState.Running)
            {
                ctl.Output("Process got killed");
                ctl.Output("Exiting foreground");
                return;
            }
        }
        ctl.Output("Exiting foreground");
    }

    private static async Task<ProcessState?> StateOfAsync(
        Controller ctl,
        string name,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return (await ctl.Client.GetProcessAsync(name, cancellationToken).ConfigureAwait(false)).State;
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) is { } fault)
        {
            if (fault == Fault.BadName)
            {
                ctl.Output("ERROR: bad process name supplied");
                ctl.ExitStatus = ExitCodes.Generic;
            }
            else
            {
                ctl.Output($"ERROR: {FaultText(exception)}");
            }
            return null;
        }
    }

    private static async Task PumpAsync(
        Controller ctl,
        string name,
        LogChannel channel,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await foreach (
                var chunk in ctl
                    .Client.TailLogAsync(name, channel, 1024, follow: true, cancellationToken)
                    .ConfigureAwait(false)
            )
            {
                lock (ctl.Out)
                {
                    ctl.Out.Write(LogOutput.Decode(chunk));
                    ctl.Out.Flush();
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or RpcException)
        {
            // The stream ends with the foreground session; its errors are Supervisor's silent thread exits.
        }
    }

    /// <summary>str(xmlrpclib.Fault): "&lt;Fault 30: 'FAILED: reason'&gt;".</summary>
    private static string FaultText(RpcException exception) =>
        $"<Fault {(int)FaultException.FaultOf(exception)!}: {PyRepr.Of(exception.Status.Detail)}>";
}
