namespace Supervise.Supervisord.Spawning;

/// <summary>Everything needed to start one child.</summary>
/// <param name="Environment">The complete environment of the child, in order (later names win).</param>
/// <param name="Uid">Set for user=: the child runs as this user (through the exec helper).</param>
/// <param name="Umask">Set for umask=: applied in the child (through the exec helper).</param>
public sealed record SpawnRequest(
    string Command,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string? Directory,
    string? User,
    int? Uid,
    int? Umask,
    bool RedirectStderr
)
{
    /// <summary>A descriptor to give the child as fd 0 instead of a stdin pipe (the [fcgi-program] socket).</summary>
    public int StdinFd { get; init; } = -1;

    /// <summary>Why the environment could not be built (an env file missing or malformed): the spawn fails with it.</summary>
    public string? EnvironmentError { get; init; }
}

/// <summary>A started child and the parent's ends of its pipes (stdin write end, stdout and stderr read ends).</summary>
/// <param name="StderrFd">-1 when stderr is redirected into stdout.</param>
public sealed record SpawnedChild(int Pid, int StdinFd, int StdoutFd, int StderrFd);
