using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Operations;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// GET /logtail/NAME[/stdout|stderr] and /mainlogtail: the last 1024 bytes of the log, then its new bytes as they are
/// written, pushed by the log's writer (no polling) in a chunked response. Rotation and truncation do not end the
/// stream (Supervisor's ends with a TypeError on truncation): the bytes come from the writer, not from the file.
/// 404 for an unknown name or channel and for a log of NONE; methods other than GET get 400, as in Supervisor.
/// </summary>
public sealed class LogTailEndpoint(ControlOperations operations)
{
    /// <summary>What the stream starts with (Supervisor's tail_f_producer sends the last 1024 bytes).</summary>
    public const int InitialBytes = 1024;

    public Task ProcessAsync(HttpContext context)
    {
        var rest = context.Request.Path.Value!["/logtail/".Length..];
        var slash = rest.LastIndexOf('/');
        var (name, channel) = slash < 0 ? (rest, "stdout") : (rest[..slash], rest[(slash + 1)..]);
        if (channel is not ("stdout" or "stderr"))
        {
            return ErrorPage.WriteAsync(context, StatusCodes.Status404NotFound, context.RequestAborted);
        }
        return StreamAsync(context, name, channel == "stderr", processLog: true);
    }

    public Task MainAsync(HttpContext context) => StreamAsync(context, null, stderr: false, processLog: false);

    private async Task StreamAsync(HttpContext context, string? name, bool stderr, bool processLog)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status400BadRequest, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        ChannelLog log;
        try
        {
            log = operations.TailTarget(name, stderr);
        }
        catch (SupervisorFault)
        {
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status404NotFound, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        var response = context.Response;
        response.ContentType = "text/plain;charset=utf-8";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (processLog)
        {
            response.Headers["X-Accel-Buffering"] = "no";
        }
        if (log.Path is { } path && File.Exists(path))
        {
            response.Headers.LastModified = File.GetLastWriteTimeUtc(path).ToString("R");
        }
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var subscription = log.Subscribe(InitialBytes);
        var boundary = new Utf8Boundary();
        var first = true;
        try
        {
            // StartAsync only buffers the headers; a client of an empty log would wait for them until the first write.
            await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await foreach (var chunk in subscription.Reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
            {
                var bytes = first ? chunk.AsSpan(Utf8Boundary.LeadingContinuations(chunk)) : chunk;
                first = false;
                var ready = boundary.Next(bytes);
                if (!ready.IsEmpty)
                {
                    await response.Body.WriteAsync(ready, context.RequestAborted).ConfigureAwait(false);
                    await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away (Ctrl-C on tail -f).
        }
    }
}
