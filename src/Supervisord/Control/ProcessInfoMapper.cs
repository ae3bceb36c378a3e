using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Metrics;
using Supervise.Supervisord.Processes;
using V1 = Supervise.Protocol.V1;

namespace Supervise.Supervisord.Control;

/// <summary>Maps process snapshots to the protocol's ProcessInfo, as Supervisor's getProcessInfo fills it.</summary>
public static class ProcessInfoMapper
{
    /// <param name="life">The spawn counters, when the caller has them.</param>
    /// <param name="usage">Whether to read the child's CPU and memory from /proc (one file read per process).</param>
    public static V1.ProcessInfo ToInfo(
        SupervisedProcess process,
        DateTimeOffset now,
        LifeCounters? life = null,
        bool usage = false
    )
    {
        var snapshot = process.Current;
        var stat = usage ? ProcStat.Of(snapshot.Pid) : null;
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
            CpuSeconds = stat?.CpuSeconds ?? 0,
            RssBytes = stat?.ResidentBytes ?? 0,
            Spawns = life?.Of(snapshot.Group, snapshot.Name)?.Spawns ?? 0,
            Startretries = process.Config.StartRetries == RestartPolicy.Forever ? -1 : process.Config.StartRetries,
            Backoff = process.Config.Restart.Curve == BackoffCurve.Exponential ? "exponential" : "linear",
            BackoffMaxSeconds = process.Config.Restart.Max?.TotalSeconds ?? 0,
            BackoffJitter = process.Config.Restart.Jitter,
            BackoffResetSeconds = process.Config.Restart.Reset.TotalSeconds,
            RestartThrottle = process.Config.Restart.Throttle,
            EnvFiles = { process.Config.EnvFiles.Select(f => f.Optional ? "-" + f.Path : f.Path) },
        };
    }
}
