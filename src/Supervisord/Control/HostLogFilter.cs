using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Control;

/// <summary>
/// The web host's (Kestrel's, gRPC's) loggers, writing through the main log. A malformed request (a protobuf that does
/// not parse, a broken HTTP/2 frame, a client gone mid-message) reaches them as an exception: written whole, each would
/// be an ERRO line and a stack trace, and any local client could fill the disk that way. Such a line becomes one short
/// WARN line without the trace, under the same <see cref="LogThrottle"/> as XML-RPC's bad requests. Other exceptions
/// are internal errors and keep their stack trace. The main log is not disposed with the host (a reload keeps it).
/// </summary>
public sealed partial class HostLogFilter(MainLog log, LogThrottle throttle) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) =>
        new Filter(log.CreateLogger(categoryName), categoryName, throttle);

    public void Dispose() { }

    /// <summary>Exceptions a client's bytes can cause, found along the inner exceptions.</summary>
    internal static bool IsRequestFault(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var type = current.GetType();
            if (
                current is InvalidDataException or IOException or OperationCanceledException or FormatException
                || type.FullName
                    is "Google.Protobuf.InvalidProtocolBufferException"
                        or "Grpc.Core.RpcException"
                        or "Microsoft.AspNetCore.Http.BadHttpRequestException"
                        or "Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException"
            )
            {
                return true;
            }
        }
        return false;
    }

    private sealed partial class Filter(ILogger inner, string category, LogThrottle throttle) : ILogger
    {
        // gRPC's own lines below Error are about one request each ("Request protocol of 'HTTP/1.1' is not supported"):
        // a client decides how many there are, so they share the throttle too.
        private readonly bool _perRequest = category.StartsWith("Grpc.", StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

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
            var requestCaused = exception is null
                ? _perRequest && logLevel < LogLevel.Error
                : IsRequestFault(exception);
            if (!requestCaused)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            var (allowed, suppressed) = throttle.TryTake();
            if (!allowed)
            {
                return;
            }
            var what = Echo.Escape(Echo.Text(formatter(state, null)));
            if (exception is null)
            {
                LogRequestLine(inner, what, suppressed);
                return;
            }
            var reason = $"{exception.GetType().Name}: {exception.Message}";
            LogBadRequest(inner, what, Echo.Escape(Echo.Text(reason)), suppressed);
        }

        [LoggerMessage(
            EventId = 51,
            Level = LogLevel.Warning,
            Message = "bad request: {What} ({Suppressed} similar lines suppressed before)"
        )]
        private static partial void LogRequestLine(ILogger logger, string what, int suppressed);

        [LoggerMessage(
            EventId = 50,
            Level = LogLevel.Warning,
            Message = "bad request: {What}: {Reason} ({Suppressed} similar lines suppressed before)"
        )]
        private static partial void LogBadRequest(ILogger logger, string what, string reason, int suppressed);
    }
}
