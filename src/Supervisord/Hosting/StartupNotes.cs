using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Hosting;

/// <summary>What supervisord logs as it starts: the loader's notices and warnings, the root warning, raised rlimits.</summary>
public static partial class StartupNotes
{
    public static void Write(ILogger logger, ConfigLoadResult loaded, SupervisorConfig config, bool firstStart)
    {
        if (CurrentProcess.IsRoot && config.Daemon.User is null)
        {
            LogRunningAsRoot(logger);
        }
        foreach (var notice in loaded.Notices)
        {
            LogNotice(logger, notice);
        }
        foreach (var warning in loaded.Warnings)
        {
            LogWarning(logger, warning.ToString());
        }
        if (firstStart)
        {
            Raise(logger, ResourceLimits.Resource.OpenFiles, "RLIMIT_NOFILE", config.Daemon.Minfds);
            Raise(logger, ResourceLimits.Resource.Processes, "RLIMIT_NPROC", config.Daemon.Minprocs);
        }
        if (config.UnixHttpServer is { Username: null })
        {
            LogNoAuthentication(logger, "unix_http_server");
        }
    }

    private static void Raise(ILogger logger, ResourceLimits.Resource resource, string name, int minimum)
    {
        var (raised, error) = ResourceLimits.Raise(resource, (ulong)Math.Max(0, minimum));
        if (raised is { } value)
        {
            LogRaised(logger, name, value);
        }
        else if (error is not null)
        {
            LogRaiseFailed(logger, name, minimum, error);
        }
    }

    [LoggerMessage(
        EventId = LogEventIds.RunningAsRoot,
        Level = LogLevel.Critical,
        Message = "Supervisor is running as root.  Privileges were not dropped because no user is specified in the config file.  If you intend to run as root, you can set user=root in the config file to avoid this message."
    )]
    private static partial void LogRunningAsRoot(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.ConfigNotice, Level = LogLevel.Information, Message = "{Notice}")]
    private static partial void LogNotice(ILogger logger, string notice);

    [LoggerMessage(EventId = LogEventIds.ConfigWarning, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(
        EventId = LogEventIds.LimitRaised,
        Level = LogLevel.Information,
        Message = "Increased {Name} limit to {Value}"
    )]
    private static partial void LogRaised(ILogger logger, string name, ulong value);

    [LoggerMessage(
        EventId = LogEventIds.LimitNotRaised,
        Level = LogLevel.Warning,
        Message = "could not raise {Name} to {Minimum}: {Error}"
    )]
    private static partial void LogRaiseFailed(ILogger logger, string name, int minimum, string error);

    [LoggerMessage(
        EventId = LogEventIds.NoAuthentication,
        Level = LogLevel.Critical,
        Message = "Server '{Server}' running without any HTTP authentication checking"
    )]
    private static partial void LogNoAuthentication(ILogger logger, string server);
}
