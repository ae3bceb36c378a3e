namespace Supervise.Supervisord.Platform;

/// <summary>
/// Runs socket completions on the runtime's epoll thread instead of queueing each one to the thread pool. The runtime
/// reads <see cref="Variable"/> once, when the first socket goes async, so <see cref="Enable"/> runs before the control
/// server starts. A poller's getAllProcessInfo is one accept, one read and one write; on 2 cores the queued hop was
/// about a tenth of its latency (BENCHMARKS.md, "XML-RPC getAllProcessInfo").
/// </summary>
/// <remarks>
/// It is safe here because no socket continuation of ours blocks. Kestrel's transport hands each request to the pool
/// through its pipes. The sd_notify reader and the readiness probes only post to a process's mailbox. The variable is set
/// for this process alone: children never see it unless the daemon's own environment had it.
/// </remarks>
internal static class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static volatile bool s_setHere;

    /// <summary>Turns inline completions on, unless the daemon's environment already says either way.</summary>
    public static void Enable()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
            s_setHere = true;
        }
    }

    /// <summary>Whether a variable of this process's environment was set by <see cref="Enable"/>, not inherited.</summary>
    public static bool SetHere(string name) => s_setHere && name == Variable;
}
