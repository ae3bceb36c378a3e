using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Hosting;

/// <summary>Command-line values override the config file's [supervisord] values (reference §1.1).</summary>
public static class ConfigOverrides
{
    public static ConfigLoadResult Apply(ConfigLoadResult loaded, CommandLineOptions options)
    {
        if (loaded.Config is not { } config)
        {
            return loaded;
        }
        var daemon = config.Daemon;
        var values = options.Overrides;
        daemon = daemon with
        {
            Nodaemon = daemon.Nodaemon || options.Nodaemon,
            Silent = daemon.Silent || options.Silent,
            Logfile = values.TryGetValue("logfile", out var logfile) ? Path.GetFullPath(logfile) : daemon.Logfile,
            Pidfile = values.TryGetValue("pidfile", out var pidfile) ? Path.GetFullPath(pidfile) : daemon.Pidfile,
            Childlogdir = values.TryGetValue("childlogdir", out var childlogdir)
                ? Path.GetFullPath(childlogdir)
                : daemon.Childlogdir,
            Identifier = values.GetValueOrDefault("identifier", daemon.Identifier),
            Nocleanup = daemon.Nocleanup || values.ContainsKey("nocleanup"),
            StripAnsi = daemon.StripAnsi || values.ContainsKey("strip_ansi"),
        };
        return loaded with { Config = config with { Daemon = daemon } };
    }
}
