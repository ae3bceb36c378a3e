using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// The daemon's own process settings from [supervisord]: umask and directory (applied only when daemonized, as in
/// Supervisor), and user= (privileges dropped before anything is opened; same-uid is a no-op).
/// </summary>
public static class DaemonProcess
{
    /// <returns>null, or the error that must stop the start (exit 2).</returns>
    public static string? Prepare(SupervisorConfig config, bool detached)
    {
        if (detached)
        {
            CurrentProcess.SetUmask(config.Daemon.Umask);
            if (config.Daemon.Directory is { } directory)
            {
                try
                {
                    Directory.SetCurrentDirectory(directory);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    return $"can't chdir into {directory}: {exception.Message}";
                }
            }
        }
        if (config.Daemon.User is { } user)
        {
            var uid = Configuration.Binding.UserDatabase.UidOf(user);
            if (uid is null)
            {
                return $"Invalid user name {user}";
            }
            if (Privileges.Drop((uint)uid.Value) is { } error)
            {
                return $"couldn't setuid to {user}: {error}";
            }
        }
        return null;
    }
}
