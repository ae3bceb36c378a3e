using System.Collections;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The environment a child gets (reference §2.6): the daemon's own, then SUPERVISOR_ENABLED, SUPERVISOR_SERVER_URL,
/// SUPERVISOR_PROCESS_NAME and SUPERVISOR_GROUP_NAME, then the program's environment= (already merged over
/// [supervisord] environment= by the loader), so configured values win, as in Supervisor's code. env_files= (beyond
/// Supervisor) are read here, at each spawn, and go just under environment=.
/// </summary>
public sealed class ChildEnvironment(IReadOnlyList<KeyValuePair<string, string>> daemonEnvironment, string? serverUrl)
{
    public static IReadOnlyList<KeyValuePair<string, string>> CurrentProcess() =>
        System
            .Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>((string)e.Key, (string?)e.Value ?? ""))
            .Where(e => !InlineSocketCompletions.SetHere(e.Key))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    public SpawnRequest CreateRequest(ProcessConfig config, string group)
    {
        var environment = new List<KeyValuePair<string, string>>(
            daemonEnvironment.Count + config.Environment.Count + 4
        );
        environment.AddRange(daemonEnvironment);
        environment.Add(new("SUPERVISOR_ENABLED", "1"));
        var url = config.ServerUrl ?? serverUrl;
        if (url is not null)
        {
            environment.Add(new("SUPERVISOR_SERVER_URL", url));
        }
        environment.Add(new("SUPERVISOR_PROCESS_NAME", config.Name));
        environment.Add(new("SUPERVISOR_GROUP_NAME", group));
        string? envFileError = null;
        if (config.EnvFiles.Count > 0)
        {
            var (variables, error) = EnvFiles.Read(config.EnvFiles);
            envFileError = error;
            environment.AddRange(variables ?? []);
        }
        environment.AddRange(config.Environment.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return new SpawnRequest(
            config.Command,
            environment,
            config.Directory,
            config.User,
            config.Uid,
            config.Umask,
            config.RedirectStderr
        )
        {
            EnvironmentError = envFileError,
        };
    }
}
