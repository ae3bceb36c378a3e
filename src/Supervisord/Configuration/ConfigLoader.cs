namespace Supervise.Supervisord.Configuration;

/// <summary>Reads a supervisord.conf (INI, Supervisor's dialect) or a .toml file and everything it includes.</summary>
public static class ConfigLoader
{
    /// <param name="path">The main configuration file.</param>
    /// <param name="environment">The daemon's environment for %(ENV_X)s; null means the current process's.</param>
    public static ConfigLoadResult Load(string path, IReadOnlyDictionary<string, string>? environment = null) =>
        throw new NotImplementedException("The config loader is not written yet.");

    public static string? Discover(string executableDirectory, string currentDirectory) => null;
}
