using Microsoft.AspNetCore.Http;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// GET /metrics: the exposition, built into a pooled buffer and sent with a Content-Length. It sits behind the same
/// authorization as every other route, so Prometheus scrapes it with basic_auth like supervisorctl logs in.
/// </summary>
public sealed class MetricsEndpoint(MetricsExposition exposition)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        using var writer = new ExpositionWriter(exposition.SizeHint);
        exposition.Write(writer);
        context.Response.ContentType = MetricsExposition.ContentType;
        context.Response.ContentLength = writer.Written.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(writer.Written, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
