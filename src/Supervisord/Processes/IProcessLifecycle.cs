namespace Supervise.Supervisord.Processes;

/// <summary>
/// Hears of every child an actor spawns and reaps, on the thread that saw it (the actor for a spawn, the reaper for an
/// exit). The composition root uses it for the survivor record and the memory trim; it must be quick and not throw.
/// </summary>
public interface IProcessLifecycle
{
    void Spawned(SupervisedProcess process, int pid);

    void Reaped(SupervisedProcess process, int pid);
}
