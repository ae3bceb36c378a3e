using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Tests.Fakes;

/// <summary>Builders for protocol messages in the shapes Supervisor's daemon reports.</summary>
internal static class Info
{
    public static ProcessInfo Running(string name, int pid, string? group = null, string? description = null) =>
        new()
        {
            Name = name,
            Group = group ?? name,
            State = ProcessState.Running,
            Statename = "RUNNING",
            Pid = pid,
            Start = 1_000,
            Now = 1_012,
            Description = description ?? $"pid {pid}, uptime 0:00:12",
        };

    public static ProcessInfo Stopped(string name, string? group = null) =>
        new()
        {
            Name = name,
            Group = group ?? name,
            State = ProcessState.Stopped,
            Statename = "STOPPED",
            Description = "Not started",
        };

    public static ProcessInfo InState(
        string name,
        ProcessState state,
        string statename,
        string description = "",
        string? group = null
    ) =>
        new()
        {
            Name = name,
            Group = group ?? name,
            State = state,
            Statename = statename,
            Description = description,
        };

    public static ProcessResult Result(string name, Fault fault, string? group = null, string description = "") =>
        new()
        {
            Name = name,
            Group = group ?? name,
            Fault = fault,
            Description =
                description.Length > 0 ? description
                : fault == Protocol.V1.Fault.Success ? "OK"
                : "",
        };

    public static Exception Fault(Fault fault, string? detail = null) => FaultException.Create(fault, detail);
}
