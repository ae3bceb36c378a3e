namespace Supervise.Supervisord.Processes;

/// <summary>
/// Whether an exit may lead to a restart. Open while the daemon runs; the registry closes it, once, when shutdown or
/// reload begins, so that no exit from then on restarts. Actors read it when they post an exit (from the reaper
/// thread); the registry is its one writer.
/// </summary>
public sealed class RestartGate
{
    private volatile bool _open = true;

    public bool IsOpen => _open;

    internal void Close() => _open = false;
}
