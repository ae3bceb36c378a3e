using Microsoft.Extensions.Logging;

namespace Supervise.Supervisord.Tests.Logging;

/// <summary>An ILogger that keeps every line (level, event id, text), safe to write from any thread.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, int EventId, string Text)> _lines = [];

    public IReadOnlyList<(LogLevel Level, int EventId, string Text)> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _lines.Add((logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
