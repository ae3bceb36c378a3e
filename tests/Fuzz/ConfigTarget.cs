using Supervise.Supervisord.Configuration;

namespace Supervise.Fuzz;

/// <summary>
/// The configuration loader as --check runs it, on an INI (supervisord.conf) or TOML (supervisord.toml) main file
/// written to /dev/shm. A crash: an exception out of Load, the internal-error catch-all reached, a report over 64 KB.
/// </summary>
public sealed class ConfigTarget : IFuzzTarget, IDisposable
{
    private readonly string _directory;
    private readonly string _path;
    private readonly Dictionary<string, string> _environment = new() { ["HOME"] = "/root", ["ENV_X"] = "x" };

    public ConfigTarget(bool toml)
    {
        Name = toml ? "toml" : "ini";
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _directory = Path.Combine(root, $"supervise-fuzz-{Name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, toml ? "supervisord.toml" : "supervisord.conf");
    }

    public string Name { get; }

    public Verdict Run(byte[] input)
    {
        File.WriteAllBytes(_path, input);
        var result = ConfigLoader.Load(_path, _environment);
        var report = CheckReport.Format(result).Text;
        if (
            result.Errors.FirstOrDefault(e =>
                e.ToString().Contains(ConfigLoader.InternalErrorPrefix, StringComparison.Ordinal)
            ) is
            { } internalError
        )
        {
            throw new FuzzCrashException("reached the internal-error catch-all: " + internalError);
        }
        if (System.Text.Encoding.UTF8.GetByteCount(report) > 64 * 1024)
        {
            throw new FuzzCrashException($"a report of {report.Length} characters");
        }
        return result.Config is null ? Verdict.Refused : Verdict.Accepted;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
