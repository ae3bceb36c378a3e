namespace Supervise.Supervisord.Configuration.Model;

/// <summary>One env_files= entry: a dotenv / systemd EnvironmentFile, read at each spawn.</summary>
/// <param name="Path">The absolute path (relative ones are resolved against the config file's folder).</param>
/// <param name="Optional">Written with a leading <c>-</c>: a missing file is skipped instead of failing the spawn.</param>
public sealed record EnvFileRef(string Path, bool Optional);
