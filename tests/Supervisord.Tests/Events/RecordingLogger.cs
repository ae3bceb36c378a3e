using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>Keeps every line logged to it, so that a spec can assert what the daemon would write to its main log.</summary>
public sealed class RecordingLogger : ILogger
{
    // Guards _lines: pools log under their own lock, from whichever thread fed them.
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        lock (_gate)
        {
            _lines.Add((logLevel, formatter(state, exception)));
        }
    }
}
