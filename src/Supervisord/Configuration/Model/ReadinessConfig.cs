namespace Supervise.Supervisord.Configuration.Model;

/// <summary>
/// What a process waits for before it starts (<c>depends_on=</c>) and what makes it ready once spawned (<c>ready=</c>),
/// with the probe's timing. Not Supervisor's: a config that sets none of these options gets <see cref="Default"/>,
/// which behaves exactly as Supervisor does (RUNNING after startsecs, start order by priority only).
/// </summary>
/// <param name="DependsOn">Program or group names, as written; validation guarantees that each names something.</param>
/// <param name="Interval">Time between two probe attempts.</param>
/// <param name="Timeout">How long one probe attempt may take.</param>
/// <param name="Deadline">How long after the spawn the process may take to become ready before it counts as failed to start.</param>
public sealed record ReadinessConfig(
    ValueList<string> DependsOn,
    ReadyProbe Probe,
    TimeSpan Interval,
    TimeSpan Timeout,
    TimeSpan Deadline
)
{
    public static ReadinessConfig Default { get; } =
        new(
            ValueList<string>.Empty,
            ReadyProbe.Running,
            TimeSpan.FromMilliseconds(250),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(60)
        );
}

/// <summary>One <c>ready=</c> value.</summary>
/// <param name="Target">host:port for tcp, the URL for http, the command line for exec; empty otherwise.</param>
public sealed record ReadyProbe(ReadyKind Kind, string Target)
{
    public static ReadyProbe Running { get; } = new(ReadyKind.Running, "");

    /// <summary>The value as it is written in a config file.</summary>
    public string Spec =>
        Kind switch
        {
            ReadyKind.Running => "running",
            ReadyKind.Tcp => "tcp://" + Target,
            ReadyKind.Http => Target,
            ReadyKind.Notify => "notify",
            _ => "exec:" + Target,
        };
}

public enum ReadyKind
{
    /// <summary>Supervisor's: ready once RUNNING, after startsecs.</summary>
    Running,

    /// <summary>A TCP connect to host:port succeeds.</summary>
    Tcp,

    /// <summary>An HTTP GET answers 2xx.</summary>
    Http,

    /// <summary>The child sends READY=1 over $NOTIFY_SOCKET (systemd's sd_notify protocol).</summary>
    Notify,

    /// <summary>A command exits 0.</summary>
    Exec,
}
