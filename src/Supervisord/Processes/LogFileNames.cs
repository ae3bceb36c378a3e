using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// Child log paths: named files as configured, and AUTO files named in childlogdir when a group is added, named as
/// Supervisor names them (<c>name-stdout---identifier-XXXXXXXX.log</c>, mode 0600), so that its cleanup pattern and
/// ops tooling keep working.
/// </summary>
public static class LogFileNames
{
    public static string? Resolve(
        LogChannelConfig channel,
        string processName,
        string channelName,
        DaemonSettings daemon
    )
    {
        switch (channel.Target)
        {
            case LogTarget.File:
                return channel.Path;
            case LogTarget.Auto:
                return AutoName(daemon.Childlogdir, $"{processName}-{channelName}---{daemon.Identifier}-");
            default:
                return null;
        }
    }

    /// <summary>Deletes AUTO files (and their rotated backups) left by an earlier run, unless nocleanup is set.</summary>
    public static void CleanupAutoFiles(DaemonSettings daemon)
    {
        if (daemon.Nocleanup || !Directory.Exists(daemon.Childlogdir))
        {
            return;
        }
        var pattern = new System.Text.RegularExpressions.Regex(
            $@"^.+?---{System.Text.RegularExpressions.Regex.Escape(daemon.Identifier)}-\S+\.log\.?\d{{0,4}}$"
        );
        foreach (var file in Directory.EnumerateFiles(daemon.Childlogdir))
        {
            if (pattern.IsMatch(Path.GetFileName(file)))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another process may hold it; it will be retried at the next start.
                }
            }
        }
    }

    /// <summary>
    /// A fresh AUTO name (mkstemp's alphabet and length). The file itself is created, mode 0600, when the process
    /// first spawns: creating thousands of empty files at start-up cost more than the spawns themselves.
    /// </summary>
    private static string AutoName(string directory, string prefix)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";
        while (true)
        {
            var suffix = string.Create(
                8,
                0,
                (span, _) =>
                {
                    for (var i = 0; i < span.Length; i++)
                    {
                        span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
                    }
                }
            );
            var path = Path.Combine(directory, prefix + suffix + ".log");
            if (!File.Exists(path))
            {
                return path;
            }
        }
    }
}
