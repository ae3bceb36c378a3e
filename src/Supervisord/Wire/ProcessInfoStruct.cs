using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// getProcessInfo's struct, with Supervisor's keys in Supervisor's order (Datadog formats %(logfile)s, cesi splits the
/// description) and times capped to int32 as its capped_int does.
/// </summary>
public static class ProcessInfoStruct
{
    public static XmlRpcStruct Of(SupervisedProcess process, DateTimeOffset now) => Of(process, process.Current, now);

    /// <summary>The struct of <paramref name="snapshot"/>, one of <paramref name="process"/>'s (it and the log paths are all it reads).</summary>
    public static XmlRpcStruct Of(SupervisedProcess process, ProcessSnapshot snapshot, DateTimeOffset now)
    {
        var stdout = process.Stdout.Path ?? "";
        return RpcInterface.Struct(
            ("name", snapshot.Name),
            ("group", snapshot.Group),
            ("start", Capped(snapshot.LastStart?.ToUnixTimeSeconds() ?? 0)),
            ("stop", Capped(snapshot.LastStop?.ToUnixTimeSeconds() ?? 0)),
            ("now", Capped(now.ToUnixTimeSeconds())),
            ("state", (int)snapshot.State),
            ("statename", snapshot.State.Name()),
            ("spawnerr", snapshot.SpawnError ?? ""),
            ("exitstatus", snapshot.ExitStatus),
            ("logfile", stdout),
            ("stdout_logfile", stdout),
            ("stderr_logfile", process.Stderr.Path ?? ""),
            ("pid", snapshot.Pid),
            ("description", snapshot.Describe(now))
        );
    }

    /// <summary>xmlrpc.capped_int: XML-RPC's &lt;int&gt; is 32 bits.</summary>
    public static int Capped(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
