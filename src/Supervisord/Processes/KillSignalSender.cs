using Supervise.Supervisord.Spawning;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Processes;

/// <summary>The real <see cref="ISignalSender"/>: kill(2).</summary>
internal sealed class KillSignalSender : ISignalSender
{
    public static KillSignalSender Instance { get; } = new();

    public string? Send(int pid, int signal, bool toGroup)
    {
        var (outcome, errno) = Signals.Send(pid, signal, toGroup);
        return outcome == Signals.Outcome.Failed ? Platform.Errno.Name(errno) : null;
    }
}
