namespace Supervise.Supervisord.Processes;

/// <summary>kill(2) as the actor sees it; a seam so that specs can make a kill fail.</summary>
public interface ISignalSender
{
    /// <summary>Sends <paramref name="signal"/> to the pid (to its process group with <paramref name="toGroup"/>).</summary>
    /// <returns>Null when sent or when the process is already gone (ESRCH, which reaping handles); otherwise the errno name.</returns>
    string? Send(int pid, int signal, bool toGroup);
}
