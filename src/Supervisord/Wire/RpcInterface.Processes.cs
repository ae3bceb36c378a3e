using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// start, stop and signal for a process, a group and all. A name that is a whole group ("g:*") answers as the group
/// variant does: an array of {name, group, status, description} (Supervisor delegates the same way).
/// </summary>
public sealed partial class RpcInterface
{
    private void AddProcessMethods()
    {
        Add(
            "supervisor.startProcess",
            1,
            2,
            async (a, ct) =>
                Answer(await _operations.StartAsync(Namespec(a.Text(0)), a.Flag(1), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.startProcessGroup",
            1,
            2,
            async (a, ct) => Answer(await _operations.StartAsync(Group(a.Text(0)), a.Flag(1), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.startAllProcesses",
            0,
            1,
            async (a, ct) => Answer(await _operations.StartAsync("all", a.Flag(0), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.stopProcess",
            1,
            2,
            async (a, ct) =>
                Answer(await _operations.StopAsync(Namespec(a.Text(0)), a.Flag(1), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.stopProcessGroup",
            1,
            2,
            async (a, ct) => Answer(await _operations.StopAsync(Group(a.Text(0)), a.Flag(1), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.stopAllProcesses",
            0,
            1,
            async (a, ct) => Answer(await _operations.StopAsync("all", a.Flag(0), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.signalProcess",
            2,
            2,
            async (a, ct) =>
                Answer(await _operations.SignalAsync(Namespec(a.Text(0)), a.Text(1), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.signalProcessGroup",
            2,
            2,
            async (a, ct) =>
                Answer(await _operations.SignalAsync(Group(a.Text(0)), a.Text(1), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.signalAllProcesses",
            1,
            1,
            async (a, ct) => Answer(await _operations.SignalAsync("all", a.Text(0), ct).ConfigureAwait(false))
        );
        Add(
            "supervisor.sendProcessStdin",
            2,
            2,
            async (a, ct) =>
            {
                var data = a[1] is XmlRpcBase64 binary ? binary.Value : System.Text.Encoding.UTF8.GetBytes(a.Text(1));
                await _operations.SendStdinAsync(a.Text(0), data, ct).ConfigureAwait(false);
                return true;
            }
        );
        Add(
            "supervisor.sendRemoteCommEvent",
            2,
            a =>
            {
                _operations.SendRemoteCommEvent(a.Text(0), a.Text(1));
                return true;
            }
        );
    }

    /// <summary>One process: True, or its fault. A group or all: the array of results.</summary>
    private static XmlRpcValue Answer(TargetOutcome outcome)
    {
        if (outcome.Single)
        {
            var result = outcome.Results[0];
            return result.Succeeded ? true : throw SupervisorFault.Of(result);
        }
        return new XmlRpcArray([.. outcome.Results.Select(Result)]);
    }

    private static XmlRpcValue Result(ProcessOutcome outcome) =>
        Struct(
            ("name", outcome.Name),
            ("group", outcome.Group),
            ("status", (int)outcome.Code),
            ("description", outcome.Description)
        );

    /// <summary>A namespec as split_namespec reads it; "all" is a group named all here, not every process.</summary>
    private static string Namespec(string name) => name == "all" ? "all:all" : name;

    /// <summary>A whole group as a target; BAD_NAME naming the group when there is none.</summary>
    private string Group(string name)
    {
        _ = TargetResolver.ResolveGroup(_operations.Registry, name);
        return name + ":*";
    }
}
