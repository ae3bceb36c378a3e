using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Processes;

/// <summary>A running process group: its configuration and its process actors, sorted by (priority, name).</summary>
public sealed class ProcessGroup(
    ProcessGroupConfig config,
    IReadOnlyList<SupervisedProcess> processes,
    FcgiSocket? socket = null
)
{
    /// <summary>The listening socket of an [fcgi-program] group, closed when the group is removed.</summary>
    public FcgiSocket? Socket { get; } = socket;

    public ProcessGroupConfig Config { get; } = config;

    public string Name => Config.Name;

    public IReadOnlyList<SupervisedProcess> Processes { get; } = processes;

    public SupervisedProcess? Find(string name) => Processes.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// Supervisor's stop_all for one group: every process that runs gets its stop signal (in reverse priority order),
    /// every process in BACKOFF gives up, and the call completes when all of them are in a stopped state.
    /// </summary>
    public async Task StopAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(Processes.Reverse().Select(p => StopForShutdownAsync(p, cancellationToken)))
            .ConfigureAwait(false);

    internal static async Task StopForShutdownAsync(SupervisedProcess process, CancellationToken cancellationToken)
    {
        // Each actor decides from its own state: GiveUp is legal only in BACKOFF, and a stop only where something runs.
        if (!(await process.GiveUpAsync().ConfigureAwait(false)).Accepted)
        {
            await process.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        await process.WaitForAsync(s => s.State.IsStopped(), cancellationToken).ConfigureAwait(false);
    }
}
