using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>An ILogger that keeps every line as rendered, with its level and event id.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<LoggedLine> _lines = [];

    /// <summary>The log lines among <paramref name="effects"/>, rendered as the actor renders them.</summary>
    internal static IReadOnlyList<LoggedLine> Render(IEnumerable<Effect> effects)
    {
        var logger = new CapturingLogger();
        foreach (var line in effects.OfType<WriteLog>())
        {
            ProcessLog.Write(logger, line);
        }
        return logger.Lines;
    }

    public IReadOnlyList<LoggedLine> Lines
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
            _lines.Add(new LoggedLine(logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}

public sealed record LoggedLine(LogLevel Level, int EventId, string Message);
