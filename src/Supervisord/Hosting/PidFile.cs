namespace Supervise.Supervisord.Hosting;

/// <summary>supervisord's pidfile: "&lt;pid&gt;\n", written after start-up and removed on a clean exit.</summary>
public static class PidFile
{
    public static void Write(string path)
    {
        try
        {
            File.WriteAllText(path, $"{Environment.ProcessId}\n");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"could not write pidfile {path}: {exception.Message}");
        }
    }

    public static void Remove(string path)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllText(path).Trim() == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Leaving a stale pidfile is harmless: the next start overwrites it.
        }
    }
}
