using System.Text;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Logging;

/// <summary>
/// supervisord's main ("activity") log in Supervisor's line format, <c>2026-11-23 19:05:44,835 INFO spawned: 'x' with pid 29387</c>,
/// to the configured logfile (rotated with Supervisor's .1…N names) and, in the foreground, to stdout.
/// Serilog.Sinks.File was considered and not used: its size-rolled files are named log_001, not log.1, and ops
/// tooling (logrotate rules, monitoring) expects Supervisor's names (docs/architecture.md, Logging).
/// </summary>
public sealed class MainLog : ILoggerProvider
{
    // Guards the file and stdout: log lines come from every thread.
    private readonly Lock _gate = new();
    private readonly ChannelLog? _file;
    private readonly Stream? _stdout;
    private readonly LogLevel _minimum;
    private readonly TimeProvider _time;

    /// <param name="time">The clock of the line stamps (local time, as Supervisor's); the system clock by default.</param>
    public MainLog(DaemonSettings? settings, bool toStdout, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _minimum = settings is null ? LogLevel.Information : ToLevel(settings.LogLevel);
        if (settings is not null && settings.Logfile != "syslog")
        {
            _file = new ChannelLog(settings.Logfile, settings.LogfileMaxBytes, settings.LogfileBackups, time: _time);
            _file.EnsureOpen();
        }
        _stdout = toStdout ? Console.OpenStandardOutput() : null;
    }

    public ChannelLog? File => _file;

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Write(LogLevel level, string message)
    {
        if (level < _minimum)
        {
            return;
        }
        var line = $"{_time.GetLocalNow():yyyy-MM-dd HH:mm:ss,fff} {Code(level)} {message}\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            // The main log has no retry clock of its own: a failing main log is retried (with the same backoff) when
            // the next line comes, and holds its lines meanwhile, like a child's log (docs/reliability.md).
            _file?.RetryIfDue();
            _file?.Write(bytes);
            ReportOwnFile();
            try
            {
                _stdout?.Write(bytes);
            }
            catch (IOException)
            {
                // A closed terminal must not stop the daemon.
            }
        }
    }

    public void Reopen() => _file?.Reopen();

    /// <summary>
    /// The main log reports its own failure into itself: the failing line waits in its hold buffer with the lines
    /// after it, and all of them, with the recovery line, reach the file once it takes writes again. Under the gate.
    /// </summary>
    private void ReportOwnFile()
    {
        LogFileChange change;
        while (_file is not null && (change = _file.TakeChange()) != LogFileChange.None)
        {
            var message = change switch
            {
                LogFileChange.Failed =>
                    $"ERRO could not write to the main log {_file.Path}: {_file.File?.LastError}; its lines are held in memory (up to {_file.File?.HoldCapacity} bytes)",
                LogFileChange.Overflowing =>
                    $"ERRO the main log {_file.Path} still fails: its oldest held lines are being dropped",
                _ =>
                    $"WARN the main log {_file.Path} is written again; {_file.File?.EpisodeDroppedBytes} bytes were dropped while it failed",
            };
            _file.Write(Encoding.UTF8.GetBytes($"{_time.GetLocalNow():yyyy-MM-dd HH:mm:ss,fff} {message}\n"));
        }
    }

    public void Dispose() => _file?.Dispose();

    private static string Code(LogLevel level) =>
        level switch
        {
            LogLevel.Critical => "CRIT",
            LogLevel.Error => "ERRO",
            LogLevel.Warning => "WARN",
            LogLevel.Information => "INFO",
            LogLevel.Debug => "DEBG",
            _ => "TRAC",
        };

    private static LogLevel ToLevel(SupervisorLogLevel level) =>
        level switch
        {
            SupervisorLogLevel.Critical => LogLevel.Critical,
            SupervisorLogLevel.Error => LogLevel.Error,
            SupervisorLogLevel.Warn => LogLevel.Warning,
            SupervisorLogLevel.Info => LogLevel.Information,
            SupervisorLogLevel.Debug => LogLevel.Debug,
            _ => LogLevel.Trace,
        };

    private sealed class Writer(MainLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= log._minimum
            && (logLevel >= LogLevel.Warning || !category.StartsWith("Microsoft", StringComparison.Ordinal));

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var message = formatter(state, exception);
            log.Write(logLevel, exception is null ? message : $"{message}: {exception}");
        }
    }
}
