using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>A throw-away folder holding a configuration and its companions; deleted on dispose.</summary>
internal sealed class TempConfig : IDisposable
{
    public const string Head = """
        [supervisord]
        logfile={W}/supervisord.log
        pidfile={W}/supervisord.pid
        childlogdir={W}

        """;

    public TempConfig()
    {
        Dir = Path.Combine(Path.GetTempPath(), "supervise-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    /// <summary>Writes a file ("{W}" in the content becomes <see cref="Dir"/>) and returns its absolute path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("{W}", Dir));
        return path;
    }

    public ConfigLoadResult Load(
        string relativePath = "supervisord.conf",
        IReadOnlyDictionary<string, string>? environment = null
    ) =>
        ConfigLoader.Load(
            Path.Combine(Dir, relativePath),
            environment ?? new Dictionary<string, string> { ["HOME"] = Dir, ["TESTVAR"] = "tv" }
        );

    /// <summary>Writes supervisord.conf as <see cref="Head"/> plus <paramref name="body"/> and loads it.</summary>
    public ConfigLoadResult LoadWithHead(string body, IReadOnlyDictionary<string, string>? environment = null)
    {
        Write("supervisord.conf", Head + body);
        return Load(environment: environment);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException) { }
    }
}
