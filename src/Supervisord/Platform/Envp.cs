using System.Collections;

namespace Supervise.Supervisord.Platform;

/// <summary>This process's environment as execve wants it: "NAME=value" strings.</summary>
internal static class Envp
{
    public static string[] Current() =>
        Environment
            .GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .Where(e => !InlineSocketCompletions.SetHere((string)e.Key))
            .Select(e => $"{e.Key}={e.Value}")
            .ToArray();
}
