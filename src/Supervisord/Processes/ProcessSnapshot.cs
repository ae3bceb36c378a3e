namespace Supervise.Supervisord.Processes;

/// <summary>What a reader sees of one process at one moment; published by the actor after every transition.</summary>
public sealed record ProcessSnapshot(
    string Name,
    string Group,
    ProcessState State,
    int Pid,
    DateTimeOffset? LastStart,
    DateTimeOffset? LastStop,
    int ExitStatus,
    string? SpawnError,
    bool EverStarted
)
{
    /// <summary>"group:name", or just "name" when the group has the process's name (Supervisor's make_namespec).</summary>
    public string Namespec => Supervise.Naming.ProcessName.Make(Group, Name);

    /// <summary>Not Supervisor's: what a held start waits for ("waiting for db"), or a notify child's STATUS= text.</summary>
    public string? Note { get; init; }

    /// <summary>STARTING without a child: the start waits for its dependencies.</summary>
    public bool Waiting { get; init; }

    /// <summary>In EXITED: the restart throttle's wait before the autorestart (beyond Supervisor), else null.</summary>
    public TimeSpan? ThrottleDelay { get; init; }

    /// <summary>Supervisor's status description (rpcinterface._interpretProcessInfo).</summary>
    public string Describe(DateTimeOffset now)
    {
        switch (State)
        {
            case ProcessState.Running:
                // Whole seconds, as Supervisor subtracts its int start from its int now: the text then depends on
                // the second only, and a reply rendered once in that second is the reply (AllProcessInfoCache).
                var uptime =
                    LastStart is { } start && now.ToUnixTimeSeconds() > start.ToUnixTimeSeconds()
                        ? TimeSpan.FromSeconds(now.ToUnixTimeSeconds() - start.ToUnixTimeSeconds())
                        : TimeSpan.Zero;
                var running = $"pid {Pid}, uptime {FormatUptime(uptime)}";
                return Note is null ? running : $"{running}, {Note}";
            case ProcessState.Starting when Note is not null:
                return Note;
            case ProcessState.Backoff or ProcessState.Fatal:
                return string.IsNullOrEmpty(SpawnError) ? $"unknown error (try \"tail {Name}\")" : SpawnError;
            case ProcessState.Stopped or ProcessState.Exited:
                var stopped =
                    EverStarted && LastStop is { } stop
                        ? stop.ToLocalTime()
                            .ToString("MMM dd hh:mm tt", System.Globalization.CultureInfo.InvariantCulture)
                        : "Not started";
                // Only a throttled restart adds to Supervisor's text, so that scripts reading it see the wait.
                return ThrottleDelay is { } delay
                    ? $"{stopped} (restart throttled: exits at once, next start in {(int)delay.TotalMilliseconds} ms)"
                    : stopped;
            default:
                return "";
        }
    }

    /// <summary>Python's str(timedelta) of whole seconds: "0:00:05", "1 day, 2:03:04", "3 days, 0:00:01".</summary>
    public static string FormatUptime(TimeSpan uptime)
    {
        var seconds = (long)uptime.TotalSeconds;
        var days = seconds / 86400;
        var rest = seconds % 86400;
        var clock = $"{rest / 3600}:{rest % 3600 / 60:00}:{rest % 60:00}";
        return days == 0 ? clock : $"{days} day{(days == 1 ? "" : "s")}, {clock}";
    }
}
