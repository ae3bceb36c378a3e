using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The real <see cref="ISignalSender"/>: signals go through the reaper, which sends them by the child's pidfd and
/// refuses once the child is reaped, so a pid that the kernel has given to a new process is never signalled.
/// </summary>
internal sealed class ReaperSignalSender(Reaper reaper) : ISignalSender
{
    public string? Send(int pid, int signal, bool toGroup)
    {
        var (outcome, errno) = reaper.Signal(pid, signal, toGroup);
        return outcome == Signals.Outcome.Failed ? Errno.Name(errno) : null;
    }
}
