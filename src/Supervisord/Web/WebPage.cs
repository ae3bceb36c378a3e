using System.Text;
using Microsoft.AspNetCore.Http;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Web;

/// <summary>
/// Supervisor's web UI routes (/, /index.html, /tail.html, /ok.html) and the live page's event streams (events,
/// tailevents), behind the same authorization as every route. Actions answer 303 with a relative Location
/// ("./?message=…") so that the page works behind a reverse proxy on a sub-path; every link on the page is relative
/// for the same reason. A state-changing action that another site made the browser send is refused with 403
/// (<see cref="CrossSiteGuard"/>). Views answer GET and POST; anything else is 400.
/// </summary>
public sealed class WebPage(ControlOperations operations)
{
    private readonly WebActions _actions = new(operations);
    private readonly StateStream _states = new(operations);
    private readonly TailStream _tails = new(operations);

    public static bool Handles(PathString path) =>
        path.Value is "/" or "/index.html" or "/tail.html" or "/ok.html" or "/events" or "/tailevents";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status400BadRequest, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        switch (request.Path.Value)
        {
            case "/ok.html":
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("OK", context.RequestAborted).ConfigureAwait(false);
                return;
            case "/events":
                await _states.RunAsync(context).ConfigureAwait(false);
                return;
            case "/tailevents":
                await _tails.RunAsync(context).ConfigureAwait(false);
                return;
            case "/tail.html":
                var form = await WebForm.ReadAsync(request).ConfigureAwait(false);
                await WriteHtmlAsync(context, TailView.Render(operations, form.Get("processname"), form.Get("limit")))
                    .ConfigureAwait(false);
                return;
            default:
                await StatusAsync(context).ConfigureAwait(false);
                return;
        }
    }

    private async Task StatusAsync(HttpContext context)
    {
        var form = await WebForm.ReadAsync(context.Request).ConfigureAwait(false);
        var action = form.Get("action");
        if (!string.IsNullOrEmpty(action))
        {
            if (!WebActions.IsReadOnly(action) && CrossSiteGuard.IsForeign(context.Request))
            {
                await ErrorPage
                    .WriteAsync(context, StatusCodes.Status403Forbidden, context.RequestAborted)
                    .ConfigureAwait(false);
                return;
            }
            string? message;
            try
            {
                message = await _actions
                    .PerformAsync(form.Get("processname"), action, context.RequestAborted)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // The browser went away while the action waited; the action itself was sent to the process.
            }
            if (message is null)
            {
                await ErrorPage
                    .WriteAsync(context, StatusCodes.Status400BadRequest, context.RequestAborted)
                    .ConfigureAwait(false);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = "./?message=" + Html.Quote(message);
            return;
        }
        await WriteHtmlAsync(context, StatusView.Render(operations, form.Get("message"), form.Get("filter")))
            .ConfigureAwait(false);
    }

    private static async Task WriteHtmlAsync(HttpContext context, string html)
    {
        var response = context.Response;
        response.ContentType = "text/html;charset=utf-8";
        response.Headers.Pragma = "no-cache";
        response.Headers.CacheControl = "no-cache";
        response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        // The buttons change state: no other site may frame the page to make a user click them.
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        var body = Encoding.UTF8.GetBytes(html);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
