using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Control;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// One daemon lifetime: for each configuration (the first, then one per reload) open the main log, bind the control
/// socket, start the groups, and wait for shutdown or reload. A reload is in-process (same pid), as in Supervisor, but
/// the new configuration is validated before anything is stopped: a bad file leaves the running set untouched.
/// </summary>
public sealed partial class DaemonRunner
{
    private readonly string _configPath;
    private readonly CommandLineOptions _options;

    public DaemonRunner(string configPath, CommandLineOptions options)
    {
        _configPath = configPath;
        _options = options;
        _reaper = new Reaper();
        _output = new OutputReactor();
        _spawner = new ProcessSpawner();
        SystemdNotify.TakeSocket();
        _lifeline = new ChildLifeline(_spawner, _reaper, _time);
    }

    private readonly ChildLifeline _lifeline;

    private readonly Reaper _reaper;
    private readonly OutputReactor _output;
    private readonly ProcessSpawner _spawner;
    private readonly TimeProvider _time = TimeProvider.System;
    private SupervisorConfig? _nextConfig;

    public async Task<int> RunAsync(ConfigLoadResult loaded)
    {
        var config = loaded.Config!;
        var first = true;
        while (true)
        {
            var toStdout = config.Daemon.Nodaemon && !config.Daemon.Silent && !_options.Detached;
            using var mainLog = new MainLog(config.Daemon, toStdout);
            var logger = mainLog.CreateLogger("supervisord");
            _reaper.Logger = _output.Logger = logger;
            StartupNotes.Write(logger, loaded, config, first);

            if (config.UnixHttpServer is { } unix)
            {
                switch (SocketGuard.Prepare(unix.File))
                {
                    case SocketGuard.Outcome.InUse:
                        await Console
                            .Error.WriteLineAsync(
                                "Error: Another program is already listening on a port that one of our HTTP servers is configured to use.  Shut this program down first before starting supervisord."
                            )
                            .ConfigureAwait(false);
                        return 2;
                    case SocketGuard.Outcome.StaleRemoved:
                        await Console.Error.WriteLineAsync($"Unlinking stale socket {unix.File}").ConfigureAwait(false);
                        break;
                }
            }

            LogFileNames.CleanupAutoFiles(config.Daemon);
            if (first)
            {
                await SurvivorReaper.StopAsync(config.Daemon.Pidfile, logger).ConfigureAwait(false);
            }
            using var survivors = new SurvivorRecord(config.Daemon.Pidfile);
            _lifeline.Apply(config.Daemon, survivors.Path, logger);
            var environment = new ChildEnvironment(ChildEnvironment.CurrentProcess(), ServerUrlOf(config));
            var services = new ProcessServices(
                _spawner,
                _reaper,
                _output,
                new ReaperSignalSender(_reaper),
                environment,
                _time,
                logger,
                config.Daemon.StripAnsi
            );
            // Bursts of spawns and control calls allocate far more than stays alive: the trim decides, here only.
            using var trim = new MemoryTrim(_time);
            using var events = new Events.EventHub(_time);
            await using var registry = new ProcessRegistry(
                services,
                events,
                new SurvivorLifecycle(survivors, trim),
                config.Daemon
            );
            var daemon = new SupervisorDaemon(_configPath, config, registry, logger);
            await using var app = ControlServer.Build(config, daemon, mainLog, _time, trim.Nudge);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                LogCannotListen(logger, exception.Message);
                return 2;
            }
            PidFile.Write(config.Daemon.Pidfile, logger);
            LogStarted(logger, Environment.ProcessId);
            first = false;

            using var signals = DaemonSignals.Register(daemon, mainLog, logger, TryPrepareReload);
            await daemon.StartAsync().ConfigureAwait(false);
            _ = SystemdNotify.RunAsync(daemon, logger);
            // Start-up allocates far more than stays alive (configs, spawn requests); give it back before idling.
            trim.Trim();
            var exit = await daemon.Exit.ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);

            if (exit == DaemonExit.Shutdown)
            {
                PidFile.Remove(config.Daemon.Pidfile);
                return 0;
            }
            config = _nextConfig ?? config;
            loaded = new ConfigLoadResult(config, [], [], []);
        }

        bool TryPrepareReload(ILogger logger)
        {
            var result = ConfigLoader.Load(_configPath);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    LogReloadRefused(logger, error.ToString());
                }
                return false;
            }
            _nextConfig = result.Config;
            return true;
        }
    }

    /// <summary>SUPERVISOR_SERVER_URL for AUTO: the Unix socket if there is one, else the TCP server.</summary>
    public static string? ServerUrlOf(SupervisorConfig config) =>
        config.UnixHttpServer is { } unix ? "unix://" + unix.File
        : config.InetHttpServer is { } inet ? $"http://{(inet.Host.Length == 0 ? "localhost" : inet.Host)}:{inet.Port}"
        : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "supervisord started with pid {Pid}")]
    private static partial void LogStarted(ILogger logger, int pid);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "cannot listen on the control socket: {Reason}")]
    private static partial void LogCannotListen(ILogger logger, string reason);

    [LoggerMessage(
        EventId = 3,
        Level = LogLevel.Error,
        Message = "reload refused, the running configuration stays: {Error}"
    )]
    private static partial void LogReloadRefused(ILogger logger, string error);
}
