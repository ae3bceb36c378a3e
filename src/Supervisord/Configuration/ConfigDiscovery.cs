namespace Supervise.Supervisord.Configuration;

/// <summary>
/// Where Supervisor looks for its configuration when -c is not given (<c>Options.__init__</c>), first hit wins:
/// <c>&lt;argv0's folder&gt;/../etc/supervisord.conf</c>, <c>&lt;argv0's folder&gt;/../supervisord.conf</c>,
/// <c>./supervisord.conf</c>, <c>./etc/supervisord.conf</c>, <c>/etc/supervisord.conf</c>,
/// <c>/etc/supervisor/supervisord.conf</c>. As in Supervisor, argv0 is taken as given (a bare "supervisord" makes
/// the first two relative to the current directory).
/// </summary>
public static class ConfigDiscovery
{
    public static IReadOnlyList<string> SearchPaths(string? argv0 = null)
    {
        argv0 ??= Environment.GetCommandLineArgs().FirstOrDefault() ?? "";
        var here = Path.GetDirectoryName(Path.GetDirectoryName(argv0) ?? "") ?? "";
        return
        [
            Join(here, "etc/supervisord.conf"),
            Join(here, "supervisord.conf"),
            "supervisord.conf",
            "etc/supervisord.conf",
            "/etc/supervisord.conf",
            "/etc/supervisor/supervisord.conf",
        ];
    }

    /// <summary>The first search path that exists (relative ones against <paramref name="currentDirectory"/>), or null.</summary>
    public static string? Find(string? argv0 = null, string? currentDirectory = null, Func<string, bool>? exists = null)
    {
        exists ??= p => File.Exists(p) || Directory.Exists(p);
        var cwd = currentDirectory ?? Directory.GetCurrentDirectory();
        return SearchPaths(argv0).Select(p => Path.IsPathRooted(p) ? p : Path.Combine(cwd, p)).FirstOrDefault(exists);
    }

    /// <summary>supervisord's error when nothing was found (exit 2).</summary>
    public static string NotFoundMessage(string? argv0 = null) =>
        $"No config file found at default paths ({string.Join(", ", SearchPaths(argv0))}); use the -c option to specify a config file at a different path";

    private static string Join(string dir, string tail) => dir.Length == 0 ? tail : dir.TrimEnd('/') + "/" + tail;
}
