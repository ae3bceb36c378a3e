using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// The <c>[supervisord]</c> section with Supervisor's defaults (<c>ServerOptions.read_config</c>). Options may use
/// %(here)s and %(ENV_X)s of the daemon's own environment.
/// </summary>
internal static class DaemonBinder
{
    public static DaemonSettings? Bind(
        RawConfig config,
        IReadOnlyDictionary<string, object> envNames,
        BindContext context
    )
    {
        if (!config.Sections.TryGetValue("supervisord", out var section))
        {
            context.Bag.Error(
                new ConfigDiagnostic(
                    config.MainFile,
                    0,
                    "supervisord",
                    "",
                    ".ini file does not include supervisord section"
                )
            );
            return null;
        }
        var r = new OptionReader(config, section, context.Bag);
        var names = Names.With(envNames, ("here", ""));
        var paths = context.Paths;

        var minfds = r.Read("minfds", "1024", names, ValueParsers.Integer, 1024);
        var minprocs = r.Read("minprocs", "200", names, ValueParsers.Integer, 200);
        var directory = r.Raw("directory") is null
            ? null
            : r.Read("directory", "", names, paths.ExistingDirectory, null!);
        var user = r.Text("user", null, names);
        var umask = r.Read("umask", "022", names, ValueParsers.Octal, 18);
        var logfile = r.Read("logfile", "supervisord.log", names, DaemonLogfile(paths), "");
        var maxBytes = r.Read("logfile_maxbytes", "50MB", names, ValueParsers.ByteSize, 0L);
        var backups = r.Read("logfile_backups", "10", names, ValueParsers.Integer, 10);
        var level = r.Read("loglevel", "info", names, ValueParsers.LoggingLevel, SupervisorLogLevel.Info);
        var pidfile = r.Read("pidfile", "supervisord.pid", names, paths.ExistingDirPath, "");
        var identifier = r.Text("identifier", "supervisor", names) ?? "supervisor";
        var nodaemon = r.Read("nodaemon", "false", names, ValueParsers.Boolean, false);
        var silent = r.Read("silent", "false", names, ValueParsers.Boolean, false);
        var childlogdir = r.Read("childlogdir", context.TempDir, names, paths.ExistingDirectory, "");
        var nocleanup = r.Read("nocleanup", "false", names, ValueParsers.Boolean, false);
        var stripAnsi = r.Read("strip_ansi", "false", names, ValueParsers.Boolean, false);
        var environment = ReadEnvironment(r, names);

        return r.Failed
            ? null
            : new DaemonSettings(
                logfile,
                maxBytes,
                backups,
                level,
                pidfile,
                umask,
                nodaemon,
                silent,
                minfds,
                minprocs,
                nocleanup,
                childlogdir,
                user,
                directory,
                stripAnsi,
                environment,
                identifier
            )
            {
                EnvFiles = LifecycleBinder.ReadEnvFiles(r, names, paths),
                DeathSignal = r.Read("pdeathsig", "none", names, LifecycleParsers.DeathSignal, 0),
                Watchdog = r.Read("watchdog", "true", names, ValueParsers.Boolean, true),
                Subreaper = r.Read("subreaper", "true", names, ValueParsers.Boolean, true),
            };
    }

    /// <summary>The [supervisord] logfile: "syslog" means syslog and is kept as written; anything else is a path.</summary>
    private static Func<string, Parsed<string>> DaemonLogfile(PathValues paths) =>
        text => text == "syslog" ? text : paths.ExistingDirPath(text);

    /// <summary>environment= of [supervisord]; read before any program so its vars are ENV_X for all of them.</summary>
    public static ValueList<EnvironmentVariable> ReadEnvironment(
        OptionReader r,
        IReadOnlyDictionary<string, object> names
    ) => ReadEnvironment(r, names, $"{r.Section.Name}.environment");

    /// <summary>
    /// An environment= option: a TOML table of pairs (each value expanded), or Supervisor's KEY="value",... text
    /// (expanded as a whole, then parsed). <paramref name="formatKey"/> names the option in expansion errors.
    /// </summary>
    public static ValueList<EnvironmentVariable> ReadEnvironment(
        OptionReader r,
        IReadOnlyDictionary<string, object> names,
        string formatKey
    )
    {
        var raw = r.Raw("environment");
        if (raw is null)
        {
            return ValueList<EnvironmentVariable>.Empty;
        }
        if (raw.Pairs is { } pairs)
        {
            return pairs
                .Select(p => new EnvironmentVariable(
                    p.Key,
                    r.Expand(raw, p.Value, "environment", names, formatKey) ?? ""
                ))
                .ToValueList();
        }
        var text = r.Expand(raw, raw.Text, "environment", names, formatKey);
        if (text is null)
        {
            return ValueList<EnvironmentVariable>.Empty;
        }
        var parsed = EnvironmentParser.Parse(text);
        if (!parsed.Ok)
        {
            r.Error(raw, "environment", parsed.Error!);
            return ValueList<EnvironmentVariable>.Empty;
        }
        return parsed.Value;
    }
}
