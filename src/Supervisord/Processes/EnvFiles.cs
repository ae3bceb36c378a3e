using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// Reads a program's env_files= at each spawn, so that a rotated secret reaches the next start without a reread.
/// A failure is a spawn error in Supervisor's wording ("can't find command 'x'" becomes "can't find env file 'x'"),
/// so the process goes to BACKOFF and the message shows in status and the main log.
/// </summary>
internal static class EnvFiles
{
    /// <summary>An env file is configuration, not data: anything bigger is a mistake (a wrong path).</summary>
    private const long MaxBytes = 1024 * 1024;

    public static (List<KeyValuePair<string, string>>? Variables, string? Error) Read(IReadOnlyList<EnvFileRef> files)
    {
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var file in files)
        {
            string text;
            try
            {
                var info = new FileInfo(file.Path);
                if (!info.Exists)
                {
                    if (file.Optional)
                    {
                        continue;
                    }
                    return (null, $"can't find env file '{file.Path}'");
                }
                if (info.Length > MaxBytes)
                {
                    return (null, $"env file '{file.Path}' is larger than 1 MB");
                }
                text = File.ReadAllText(file.Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return (null, $"couldn't read env file '{file.Path}': {exception.Message}");
            }
            var (parsed, error) = EnvFileParser.Parse(text);
            if (error is not null)
            {
                return (null, $"env file '{file.Path}' {error}");
            }
            variables.AddRange(parsed!);
        }
        return (variables, null);
    }
}
