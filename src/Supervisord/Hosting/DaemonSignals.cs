using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// supervisord's own signals (reference §2.8): TERM, INT and QUIT shut down; HUP reloads (after validating the new
/// configuration); USR2 reopens every log. Registered through PosixSignalRegistration with the default action cancelled.
/// </summary>
public sealed partial class DaemonSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    private DaemonSignals() { }

    public static DaemonSignals Register(
        SupervisorDaemon daemon,
        MainLog mainLog,
        ILogger logger,
        Func<ILogger, bool> prepareReload
    )
    {
        var signals = new DaemonSignals();
        foreach (var number in new[] { SignalTable.SIGTERM, SignalTable.SIGINT, SignalTable.SIGQUIT })
        {
            var name = SignalTable.Name(number);
            signals._registrations.Add(
                PosixSignalRegistration.Create(
                    SignalTable.ToPosixSignal(number),
                    context =>
                    {
                        context.Cancel = true;
                        LogExitRequest(logger, name);
                        daemon.RequestStop(DaemonExit.Shutdown);
                    }
                )
            );
        }
        signals._registrations.Add(
            PosixSignalRegistration.Create(
                SignalTable.ToPosixSignal(SignalTable.SIGHUP),
                context =>
                {
                    context.Cancel = true;
                    if (daemon.Mood != SupervisorMood.Running)
                    {
                        LogHupIgnored(logger);
                        return;
                    }
                    LogRestartRequest(logger);
                    if (prepareReload(logger))
                    {
                        daemon.RequestStop(DaemonExit.Reload);
                    }
                }
            )
        );
        signals._registrations.Add(
            PosixSignalRegistration.Create(
                SignalTable.ToPosixSignal(SignalTable.SIGUSR2),
                context =>
                {
                    context.Cancel = true;
                    LogReopenRequest(logger);
                    mainLog.Reopen();
                    daemon.Registry.ReopenLogs();
                    LogReopened(logger);
                }
            )
        );
        return signals;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    [LoggerMessage(
        EventId = LogEventIds.ExitRequested,
        Level = LogLevel.Warning,
        Message = "received {Signal} indicating exit request"
    )]
    private static partial void LogExitRequest(ILogger logger, string signal);

    [LoggerMessage(
        EventId = LogEventIds.RestartRequested,
        Level = LogLevel.Warning,
        Message = "received SIGHUP indicating restart request"
    )]
    private static partial void LogRestartRequest(ILogger logger);

    [LoggerMessage(
        EventId = LogEventIds.RestartIgnored,
        Level = LogLevel.Warning,
        Message = "ignored SIGHUP indicating restart request (shutdown in progress)"
    )]
    private static partial void LogHupIgnored(ILogger logger);

    [LoggerMessage(
        EventId = LogEventIds.ReopenRequested,
        Level = LogLevel.Information,
        Message = "received SIGUSR2 indicating log reopen request"
    )]
    private static partial void LogReopenRequest(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Reopened, Level = LogLevel.Information, Message = "supervisord logreopen")]
    private static partial void LogReopened(ILogger logger);
}
