using System.Collections;
using Supervise.Supervisord.Configuration.Binding;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration;

/// <summary>
/// Reads a supervisord.conf (INI, Supervisor's dialect) or a .toml file and everything it includes, and binds it to
/// the model with Supervisor's defaults, expansions and validation. Every problem is reported (never only the first),
/// and no input makes it throw.
/// </summary>
public static class ConfigLoader
{
    /// <summary>How the last guard's diagnostic starts; the fuzz specs assert that no input reaches it.</summary>
    public const string InternalErrorPrefix = "internal error while loading the configuration";

    /// <param name="path">The main configuration file.</param>
    /// <param name="environment">The daemon's environment for %(ENV_X)s; null means the current process's.</param>
    public static ConfigLoadResult Load(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        var bag = new DiagnosticBag();
        SupervisorConfig? config = null;
        try
        {
            config = LoadCore(path, environment ?? CurrentEnvironment(), bag);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last guard only: every input problem is a diagnostic with its place (the mutation fuzz specs show
            // that none reaches this), but a loader bug must still surface as a diagnostic, not take the daemon down.
            bag.Error(
                new ConfigDiagnostic(
                    path,
                    0,
                    "",
                    "",
                    $"{InternalErrorPrefix}: {e.GetType().Name}: {Echo.Text(e.Message)}"
                )
            );
        }
        bag.Summarize(path);
        return new ConfigLoadResult(bag.HasErrors ? null : config, bag.Errors, bag.Warnings, bag.Notices);
    }

    /// <summary>Supervisor's search for a configuration file when -c is not given (see <see cref="ConfigDiscovery"/>).</summary>
    public static string? Discover(string? argv0 = null) => ConfigDiscovery.Find(argv0);

    private static SupervisorConfig? LoadCore(
        string path,
        IReadOnlyDictionary<string, string> environment,
        DiagnosticBag bag
    )
    {
        var envNames = Names.FromEnvironment(environment);
        var raw = SourceLoader.Load(path, envNames, bag);
        if (raw is null)
        {
            return null;
        }
        KnownOptions.WarnAboutUnknown(raw, bag);
        var context = new BindContext(
            bag,
            new PathValues(environment.GetValueOrDefault("HOME")),
            TempDir(environment),
            Environment.MachineName
        );

        var daemon = DaemonBinder.Bind(raw, envNames, context);
        var daemonEnvironment = daemon?.Environment ?? ValueList<EnvironmentVariable>.Empty;
        // [supervisord] environment= vars are ENV_X for every section read after it, whatever the file order.
        var programNames = Names.WithEnvironment(envNames, daemonEnvironment);
        var rpcInterfaces = RpcInterfaceBinder.Bind(raw, programNames, context);
        var programs = new ProgramBinder(raw, context, programNames, daemonEnvironment, daemon?.EnvFiles);
        var groups = new GroupBinder(raw, context, programNames, programs).Bind();
        Validation.DependencyValidator.Validate(groups, programs.DependsOnSources, bag);
        var inet = ServerBinder.BindInet(raw, programNames, context);
        var unix = ServerBinder.BindUnix(raw, programNames, context);
        var ctl = CtlBinder.Bind(raw, envNames, context);
        return daemon is null
            ? null
            : new SupervisorConfig(raw.MainFile, daemon, unix, inet, ctl, groups) { RpcInterfaces = rpcInterfaces };
    }

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        }
        return environment;
    }

    /// <summary>Python's tempfile.gettempdir(): TMPDIR, TEMP or TMP when it is a folder, else /tmp.</summary>
    private static string TempDir(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var name in new[] { "TMPDIR", "TEMP", "TMP" })
        {
            if (environment.TryGetValue(name, out var dir) && dir.Length > 0 && Directory.Exists(dir))
            {
                return dir;
            }
        }
        return "/tmp";
    }
}
