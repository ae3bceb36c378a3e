using Supervise.Ini;
using Supervise.Supervisorctl.CommandLine;

namespace Supervise.Supervisorctl.Configuration;

/// <summary>
/// Finds and reads the config file the way Supervisor's ClientOptions does: the file is optional, but a file that is
/// given or found must have a [supervisorctl] section. [include] is ignored, as Supervisor's ctl ignores it.
/// </summary>
internal sealed class CtlConfigReader(IReadOnlyDictionary<string, string> environment, string currentDirectory)
{
    private const string Section = "supervisorctl";

    /// <summary>Supervisor's search order (§1.1), relative to the directory above the executable's.</summary>
    public static IReadOnlyList<string> SearchPaths(string? executablePath)
    {
        var here = Path.GetDirectoryName(Path.GetDirectoryName(executablePath ?? "") ?? "") ?? "";
        return
        [
            Path.Join(here, "etc", "supervisord.conf"),
            Path.Join(here, "supervisord.conf"),
            "supervisord.conf",
            "etc/supervisord.conf",
            "/etc/supervisord.conf",
            "/etc/supervisor/supervisord.conf",
        ];
    }

    /// <returns>The section's settings, or null when no file was given and none was found.</returns>
    /// <exception cref="UsageException">Supervisor's config errors (exit 2).</exception>
    public CtlFileSettings? Read(string? configFile, IReadOnlyList<string> searchPaths)
    {
        configFile ??= searchPaths.FirstOrDefault(p => File.Exists(Absolute(p)) || Directory.Exists(Absolute(p)));
        if (configFile is null)
        {
            return null;
        }
        var path = Absolute(configFile);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new UsageException($"could not find config file {configFile}");
        }
        IniDocument document;
        try
        {
            document = IniDocument.Load(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"could not read config file {configFile}");
        }
        if (!document.Sections.Any(s => s.Name == Section))
        {
            throw new UsageException(".ini file does not include supervisorctl section");
        }
        return Resolve(document, PathNormalizer.Normalize(Path.GetDirectoryName(path) ?? "/", currentDirectory, null));
    }

    private CtlFileSettings Resolve(IniDocument document, string here)
    {
        var plain = environment.ToDictionary(e => $"ENV_{e.Key}", e => e.Value, StringComparer.Ordinal);
        var withHere = new Dictionary<string, string>(plain, StringComparer.Ordinal) { ["here"] = here };
        string? Get(string key, IReadOnlyDictionary<string, string> expansions, string? fallback)
        {
            var raw = document.Get(Section, key) ?? document.Get("DEFAULT", key) ?? fallback;
            return raw is null ? null : PercentExpander.Expand(raw, expansions, $"{Section}.{key}");
        }

        var serverUrl = Get("serverurl", withHere, ServerUrl.Default)!;
        if (serverUrl.StartsWith("unix://", StringComparison.Ordinal))
        {
            serverUrl = "unix://" + PathNormalizer.Normalize(serverUrl[7..], currentDirectory, Home);
        }
        var history = Get("history_file", withHere, null);
        return new CtlFileSettings(
            serverUrl,
            Get("prompt", plain, "supervisor")!,
            Get("username", plain, null),
            Get("password", plain, null),
            string.IsNullOrEmpty(history) ? null : PathNormalizer.Normalize(history, currentDirectory, Home)
        );
    }

    private string? Home => environment.GetValueOrDefault("HOME");

    private string Absolute(string path) => Path.IsPathRooted(path) ? path : Path.Join(currentDirectory, path);
}
