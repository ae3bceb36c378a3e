using Grpc.Core;
using Supervise.Naming;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// The shape Supervisor's do_start, do_stop, do_signal and do_clear share: `all` is one call for everything, `g:*`
/// one call per group (an unknown group prints "g: ERROR (no such group)"), any other name one call whose fault is
/// formatted as that name's result. Results print in the order the daemon returns them.
/// </summary>
internal sealed class ProcessAction
{
    public required Func<string, CancellationToken, Task<IReadOnlyList<ProcessResult>>> CallAsync { get; init; }

    /// <summary>Formats one outcome: (namespec, fault, whole fault text).</summary>
    public required Func<string, Fault, string, string> Format { get; init; }

    /// <summary>A fault that leaves the exit status alone (ALREADY_STARTED for start, NOT_RUNNING for stop).</summary>
    public Fault? IgnoredFault { get; init; }

    /// <summary>Exit status for an unknown group, or null when the command has no group form (clear).</summary>
    public int? UnknownGroupExit { get; init; } = ExitCodes.Generic;

    public async Task RunAsync(
        Controller ctl,
        IReadOnlyList<string> names,
        JsonResults? json,
        CancellationToken cancellationToken
    )
    {
        if (names.Contains("all"))
        {
            Report(ctl, json, await CallAsync("all", cancellationToken).ConfigureAwait(false));
            return;
        }
        foreach (var name in names)
        {
            var (group, process) = ProcessName.Split(name);
            if (process is null && UnknownGroupExit is { } groupExit)
            {
                await RunGroupAsync(ctl, name, group, groupExit, json, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RunOneAsync(ctl, name, json, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunGroupAsync(
        Controller ctl,
        string name,
        string group,
        int groupExit,
        JsonResults? json,
        CancellationToken cancellationToken
    )
    {
        try
        {
            Report(ctl, json, await CallAsync(name, cancellationToken).ConfigureAwait(false));
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) == Fault.BadName)
        {
            Print(ctl, json, group, Fault.BadName, "", $"{group}: ERROR (no such group)");
            ctl.ExitStatus = groupExit;
        }
    }

    private async Task RunOneAsync(Controller ctl, string name, JsonResults? json, CancellationToken cancellationToken)
    {
        var namespec = ProcessName.OfRequest(name);
        IReadOnlyList<ProcessResult> results;
        try
        {
            results = await CallAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException exception) when (FaultException.FaultOf(exception) is { } fault)
        {
            Outcome(ctl, json, namespec, fault, exception.Status.Detail);
            return;
        }

        if (results.Count > 1)
        {
            Report(ctl, json, results);
            return;
        }
        var result = results.Count == 1 ? results[0] : new ProcessResult { Fault = Fault.Success };
        Outcome(ctl, json, namespec, result.Fault, FaultText(result));
    }

    private void Report(Controller ctl, JsonResults? json, IReadOnlyList<ProcessResult> results)
    {
        foreach (var result in results)
        {
            Outcome(ctl, json, ProcessName.Make(result.Group, result.Name), result.Fault, FaultText(result));
        }
    }

    private void Outcome(Controller ctl, JsonResults? json, string namespec, Fault fault, string faultText)
    {
        Print(ctl, json, namespec, fault, faultText, Format(namespec, fault, faultText));
        ctl.SetExitStatusFromFault(fault, IgnoredFault);
    }

    private static void Print(
        Controller ctl,
        JsonResults? json,
        string namespec,
        Fault fault,
        string faultText,
        string message
    )
    {
        if (json is null)
        {
            ctl.Output(message);
        }
        else
        {
            json.Add(namespec, fault, faultText, message);
        }
    }

    /// <summary>Supervisor's result description for a failure is the fault text ("FAILED: reason").</summary>
    private static string FaultText(ProcessResult result)
    {
        var name = FaultNames.Of(result.Fault);
        return result.Fault == Fault.Success || result.Description.StartsWith(name, StringComparison.Ordinal)
                ? result.Description
            : result.Description.Length == 0 ? name
            : $"{name}: {result.Description}";
    }
}
