using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// supervisord's pidfile: "&lt;pid&gt;\n", written after start-up and removed on a clean exit. A failure to write it
/// goes to the main log with Supervisor's words: a detached daemon's stderr is /dev/null.
/// </summary>
public static partial class PidFile
{
    /// <returns>Whether the pidfile was written.</returns>
    public static bool Write(string path, ILogger logger)
    {
        try
        {
            File.WriteAllText(path, $"{Environment.ProcessId}\n");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, path, exception.Message);
            return false;
        }
    }

    public static void Remove(string path)
    {
        try
        {
            if (
                File.Exists(path)
                && File.ReadAllText(path).Trim()
                    == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            )
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Leaving a stale pidfile is harmless: the next start overwrites it.
        }
    }

    // Supervisor's line is "could not write pidfile <path>"; the reason follows it, as the other daemon errors give theirs.
    [LoggerMessage(
        EventId = LogEventIds.PidFileNotWritten,
        Level = LogLevel.Critical,
        Message = "could not write pidfile {Path}: {Reason}"
    )]
    private static partial void LogNotWritten(ILogger logger, string path, string reason);
}
