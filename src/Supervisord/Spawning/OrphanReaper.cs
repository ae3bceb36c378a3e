using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// When supervisord runs as pid 1 (a container's init), every orphaned process in the namespace becomes our child.
/// On each SIGCHLD the zombies that are not our own programs are reaped and logged as Supervisor logs them
/// ("reaped unknown pid N (exit status X)"), so none accumulate. Outside pid 1 this is not registered at all.
/// </summary>
public sealed partial class OrphanReaper : IDisposable
{
    private readonly PosixSignalRegistration? _registration;

    public OrphanReaper(Reaper reaper, ILogger logger)
    {
        if (Environment.ProcessId != 1)
        {
            return;
        }
        _registration = PosixSignalRegistration.Create((PosixSignal)Spawning.Native.Libc.SIGCHLD, _ =>
        {
            foreach (var (pid, status) in reaper.ReapOrphans())
            {
                LogReaped(logger, pid, status.Describe());
            }
        });
    }

    public void Dispose() => _registration?.Dispose();

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "reaped unknown pid {Pid} ({Status})")]
    private static partial void LogReaped(ILogger logger, int pid, string status);
}
