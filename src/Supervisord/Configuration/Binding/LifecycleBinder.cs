using Supervise.Python;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// The options beyond Supervisor that shape retries, restarts and the child's environment files. Defaults are
/// Supervisor's behaviour (<see cref="RestartPolicy.Supervisor"/>), and they are written here only.
/// </summary>
internal static class LifecycleBinder
{
    public static readonly string[] ProgramOptions =
    [
        "backoff",
        "backoff_max",
        "backoff_jitter",
        "backoff_reset",
        "restart_throttle",
        "env_files",
    ];

    public static RestartPolicy ReadRestart(OptionReader r, IReadOnlyDictionary<string, object> names)
    {
        var curve = r.Read("backoff", "linear", names, LifecycleParsers.Curve, BackoffCurve.Linear);
        var max = r.Raw("backoff_max") is null
            ? null
            : r.Read("backoff_max", "", names, LifecycleParsers.Cap, (TimeSpan?)null);
        var jitter = r.Read("backoff_jitter", "0", names, LifecycleParsers.Fraction, 0);
        var reset = r.Read("backoff_reset", "0", names, LifecycleParsers.Seconds, TimeSpan.Zero);
        var throttle = r.Read("restart_throttle", "true", names, ValueParsers.Boolean, true);
        return new RestartPolicy(curve, max, jitter, reset, throttle);
    }

    /// <summary>
    /// env_files=: comma-separated paths (a TOML array too), each optional with a leading <c>-</c>, as in systemd's
    /// EnvironmentFile=. Relative paths are taken from the folder of the file that sets the option.
    /// </summary>
    public static ValueList<EnvFileRef> ReadEnvFiles(
        OptionReader r,
        IReadOnlyDictionary<string, object> names,
        PathValues paths
    )
    {
        var raw = r.Raw("env_files");
        if (raw is null)
        {
            return ValueList<EnvFileRef>.Empty;
        }
        var files = new List<EnvFileRef>();
        var items = raw.Items ?? raw.Text.Split(',');
        foreach (var item in items)
        {
            var text = r.Expand(raw, PyText.Strip(item), "env_files", names, $"{r.Section.Name}.env_files");
            if (text is null)
            {
                continue;
            }
            var optional = text.StartsWith('-');
            var path = PyText.Strip(optional ? text[1..] : text);
            if (path.Length == 0)
            {
                r.Error(raw, "env_files", "has an empty entry; name a file, with a leading '-' if it may be missing");
                continue;
            }
            var expanded = paths.ExpandUser(path);
            files.Add(new EnvFileRef(Path.GetFullPath(expanded, raw.Here), optional));
        }
        return files.ToValueList();
    }

    /// <summary>[supervisord] env_files= first, then the program's: later files win, environment= wins over all.</summary>
    public static ValueList<EnvFileRef> Merge(ValueList<EnvFileRef> daemon, ValueList<EnvFileRef> program) =>
        daemon.Count == 0 ? program : daemon.Concat(program).ToValueList();
}
