using Supervise.Naming;
using Supervise.Supervisord.Operations;

namespace Supervise.Supervisord.Web;

/// <summary>
/// The page's query actions with Supervisor 4.2.5's message texts (web.py StatusView.make_callback), performed through
/// <see cref="ControlOperations"/>: start waits for RUNNING, stop for a stopped state, restart is stop then start.
/// Beyond Supervisor: "GROUP:*" as the process name acts on the whole group ("Group GROUP started").
/// </summary>
public sealed class WebActions(ControlOperations operations)
{
    /// <summary>The actions that change nothing (the cross-site guard lets them through).</summary>
    public static bool IsReadOnly(string? action) => action is null or "" or "refresh";

    /// <returns>The message to redirect with, or null for an action Supervisor does not know (it answers 500).</returns>
    public async Task<string?> PerformAsync(string? processName, string action, CancellationToken cancellationToken)
    {
        try
        {
            return action switch
            {
                "refresh" => "Page refreshed at " + Html.CTime(operations.Time.GetUtcNow()),
                "stopall" => await StopAllAsync(cancellationToken).ConfigureAwait(false),
                "restartall" => await RestartAllAsync(cancellationToken).ConfigureAwait(false),
                "start" or "stop" or "restart" or "clearlog" when !string.IsNullOrEmpty(processName) =>
                    await OnNameAsync(processName, action, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
        }
        catch (SupervisorFault fault)
        {
            return Unexpected(fault.Code, fault.Message);
        }
    }

    private async Task<string> StopAllAsync(CancellationToken cancellationToken)
    {
        await operations.StopAsync("all", wait: true, cancellationToken).ConfigureAwait(false);
        return "All stopped at " + Html.CTime(operations.Time.GetUtcNow());
    }

    private async Task<string> RestartAllAsync(CancellationToken cancellationToken)
    {
        await operations.StopAsync("all", wait: true, cancellationToken).ConfigureAwait(false);
        await operations.StartAsync("all", wait: true, cancellationToken).ConfigureAwait(false);
        return "All restarted at " + Html.CTime(operations.Time.GetUtcNow());
    }

    private async Task<string> OnNameAsync(string name, string action, CancellationToken cancellationToken)
    {
        var (groupName, processName) = ProcessName.Split(name);
        var group = operations.Registry.FindGroup(groupName);
        if (group is not null && processName is null && action != "clearlog")
        {
            return await OnGroupAsync(group.Name, action, cancellationToken).ConfigureAwait(false);
        }
        if (group?.Find(processName ?? "") is null)
        {
            return "No such process named " + name;
        }
        switch (action)
        {
            case "start":
                var started = (
                    await operations.StartAsync(name, wait: true, cancellationToken).ConfigureAwait(false)
                ).Results[0];
                return started.Succeeded ? $"Process {name} started" : $"ERROR: Process {name}: {StartError(started)}";
            case "stop":
                var stopped = (
                    await operations.StopAsync(name, wait: true, cancellationToken).ConfigureAwait(false)
                ).Results[0];
                return stopped.Succeeded ? $"Process {name} stopped" : Unexpected(stopped.Code, stopped.Description);
            case "restart":
                // Supervisor's multicall ignores what the stop and the start answered.
                await operations.StopAsync(name, wait: true, cancellationToken).ConfigureAwait(false);
                await operations.StartAsync(name, wait: true, cancellationToken).ConfigureAwait(false);
                return $"Process {name} restarted";
            default:
                var cleared = operations.ClearLogs(name).Results[0];
                return cleared.Succeeded ? $"Log for {name} cleared" : Unexpected(cleared.Code, cleared.Description);
        }
    }

    private async Task<string> OnGroupAsync(string group, string action, CancellationToken cancellationToken)
    {
        var target = group + ":*";
        if (action is "stop" or "restart")
        {
            await operations.StopAsync(target, wait: true, cancellationToken).ConfigureAwait(false);
        }
        if (action is "start" or "restart")
        {
            await operations.StartAsync(target, wait: true, cancellationToken).ConfigureAwait(false);
        }
        return $"Group {group} {action}{(action == "stop" ? "ped" : "ed")}";
    }

    private static string StartError(ProcessOutcome outcome) =>
        outcome.Code switch
        {
            FaultCode.NoFile => "no such file",
            FaultCode.NotExecutable => "file not executable",
            FaultCode.AlreadyStarted => "already started",
            FaultCode.SpawnError => "spawn error",
            FaultCode.AbnormalTermination => "abnormal termination",
            _ => Unexpected(outcome.Code, outcome.Description),
        };

    private static string Unexpected(FaultCode code, string text) => $"unexpected rpc fault [{(int)code}] {text}";
}
