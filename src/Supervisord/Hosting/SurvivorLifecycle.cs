using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// What the composition root does on each spawn and reap: keep the survivor record (the pids the crash watchdog and
/// the next start stop when the daemon dies), and tell the memory trim that a burst of work is under way.
/// </summary>
internal sealed class SurvivorLifecycle(SurvivorRecord survivors, MemoryTrim trim) : IProcessLifecycle
{
    public void Spawned(SupervisedProcess process, int pid)
    {
        var config = process.Config;
        survivors.Spawned(pid, config.StopSignal, config.StopAsGroup || config.KillAsGroup, process.Name);
        trim.Nudge();
    }

    public void Reaped(SupervisedProcess process, int pid) => survivors.Reaped(pid);
}
