using Supervise.Supervisord.Processes;
using V1 = Supervise.Protocol.V1;

namespace Supervise.Supervisord.Control;

/// <summary>Maps process snapshots to the protocol's ProcessInfo, as Supervisor's getProcessInfo fills it.</summary>
public static class ProcessInfoMapper
{
    public static V1.ProcessInfo ToInfo(SupervisedProcess process, DateTimeOffset now)
    {
        var snapshot = process.Current;
        return new V1.ProcessInfo
        {
            Name = snapshot.Name,
            Group = snapshot.Group,
            Start = snapshot.LastStart?.ToUnixTimeSeconds() ?? 0,
            Stop = snapshot.LastStop?.ToUnixTimeSeconds() ?? 0,
            Now = now.ToUnixTimeSeconds(),
            State = (V1.ProcessState)(int)snapshot.State,
            Statename = snapshot.State.Name(),
            Spawnerr = snapshot.SpawnError ?? "",
            Exitstatus = snapshot.ExitStatus,
            StdoutLogfile = process.Stdout.Path ?? "",
            StderrLogfile = process.Stderr.Path ?? "",
            Pid = snapshot.Pid,
            Description = snapshot.Describe(now),
            Ready = snapshot.State == ProcessState.Running,
            ReadyProbe = process.Config.Readiness.Probe.Spec,
            DependsOn = { process.Config.Readiness.DependsOn },
        };
    }
}
