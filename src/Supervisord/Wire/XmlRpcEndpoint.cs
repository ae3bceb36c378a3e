using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Configuration.Binding;
using Supervise.Supervisord.Metrics;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// POST /RPC2 (any path that starts with it, as Supervisor matches): one XML-RPC call per request, answered with
/// Content-Length (HTTP/1.0 clients such as supervisord-monitor read until EOF). GET gives 400, XML that does not parse
/// gives 400 and one short ERROR line (throttled), a fault is HTTP 200 with a &lt;fault&gt;, as in Supervisor.
/// Each parsed call is counted for /metrics by method and outcome, with its latency. getAllProcessInfo's reply is kept
/// and lent to the next calls while its value is the same instance (<see cref="ReplyMemo"/>).
/// </summary>
public sealed partial class XmlRpcEndpoint(
    RpcInterface rpc,
    ILogger logger,
    LogThrottle throttle,
    ControlCallMetrics metrics
)
{
    /// <summary>The largest request body read; Supervisor has no bound, and buffers whatever it is sent.</summary>
    public const int MaxBodyBytes = 4 << 20;

    private readonly ReplyMemo _replies = new();

    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status400BadRequest, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.Headers.Connection = "close";
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status413RequestEntityTooLarge, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        XmlRpcCall call;
        try
        {
            call = XmlRpcRequestReader.Parse(body);
        }
        catch (XmlRpcParseException exception)
        {
            LogBadRequest(body, exception.Message);
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status400BadRequest, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        PooledBytes reply;
        var started = metrics.Start();
        try
        {
            var value = await rpc.CallAsync(call.MethodName, call.Params, context.RequestAborted).ConfigureAwait(false);
            reply = _replies.Render(value, keep: call.MethodName == RpcInterface.GetAllProcessInfo);
            metrics.Record(ControlCallMetrics.XmlRpc, call.MethodName, CallOutcome.Ok, started);
        }
        catch (SupervisorFault fault)
        {
            reply = XmlRpcResponseWriter.PooledFault((int)fault.Code, fault.Message);
            metrics.Record(ControlCallMetrics.XmlRpc, call.MethodName, CallOutcome.Fault, started);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            metrics.Record(ControlCallMetrics.XmlRpc, call.MethodName, CallOutcome.Error, started);
            LogCallFailed(logger, call.MethodName, exception);
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status500InternalServerError, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        using (reply)
        {
            context.Response.ContentType = "text/xml";
            context.Response.ContentLength = reply.Length;
            await context.Response.Body.WriteAsync(reply.Memory, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <returns>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (declared > MaxBodyBytes)
        {
            return null;
        }
        // A call is a few hundred bytes: read it into an array of its declared size, with no buffer of our own.
        if (declared is { } exact)
        {
            var body = new byte[exact];
            await context.Request.Body.ReadExactlyAsync(body, context.RequestAborted).ConfigureAwait(false);
            return body;
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while (
                (read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0
            )
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private void LogBadRequest(byte[] body, string reason)
    {
        var (allowed, suppressed) = throttle.TryTake();
        if (!allowed)
        {
            return;
        }
        // Supervisor's line, `XML-RPC request data %r is invalid: …`: the repr keeps it one line whatever was sent, and
        // Echo.Repr cuts it at 200 characters with the length given.
        var shown = Echo.Repr(System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4 * Echo.MaxChars)));
        var oneLine = reason.ReplaceLineEndings(" ");
        if (suppressed == 0)
        {
            LogInvalid(logger, shown, oneLine);
        }
        else
        {
            LogInvalidAfterSuppressed(logger, shown, oneLine, suppressed);
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "XML-RPC request data {Data} is invalid: {Reason}")]
    private static partial void LogInvalid(ILogger logger, string data, string reason);

    [LoggerMessage(
        EventId = 402,
        Level = LogLevel.Error,
        Message = "XML-RPC request data {Data} is invalid: {Reason} ({Suppressed} similar lines suppressed before this one)"
    )]
    private static partial void LogInvalidAfterSuppressed(ILogger logger, string data, string reason, int suppressed);

    [LoggerMessage(
        EventId = 401,
        Level = LogLevel.Critical,
        Message = "Handling XML-RPC request {Method} raised an unexpected exception"
    )]
    private static partial void LogCallFailed(ILogger logger, string method, Exception exception);
}
