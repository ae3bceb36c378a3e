namespace Supervise.Samples.FeedCore;

/// <summary>
/// One timestamped line per event, written to stdout (info) or stderr (errors) and flushed at once, so that
/// Supervisor's log files and <c>tail -f</c> show each job as it happens rather than when a buffer fills.
/// </summary>
public sealed class LineLog(TextWriter output, TextWriter error, TimeProvider time, string source)
{
    public static LineLog Console(string source) =>
        new(System.Console.Out, System.Console.Error, TimeProvider.System, source);

    public void Info(string message) => Write(output, "INFO", message);

    public void Warn(string message) => Write(error, "WARN", message);

    public void Error(string message) => Write(error, "ERROR", message);

    private void Write(TextWriter writer, string level, string message)
    {
        var line = $"{time.GetUtcNow():yyyy-MM-dd HH:mm:ss.fff} {level} {source}: {message}";
        lock (writer)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
