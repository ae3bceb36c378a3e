using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// Supervisor's (medusa's) error replies: a small HTML page with Content-Length, "text/html", and the status's reason.
/// Python's clients print the status and reason (`ProtocolError … 401 Unauthorized`), never the body.
/// </summary>
public static class ErrorPage
{
    public static async Task WriteAsync(HttpContext context, int status, CancellationToken cancellationToken = default)
    {
        var reason = ReasonPhrases.Of(status);
        var body = Encoding.ASCII.GetBytes(
            $"<head>\r\n<title>Error response</title>\r\n</head>\r\n<body>\r\n<h1>Error response</h1>\r\n<p>Error code {status}.\r\n<p>Message: {reason}.\r\n</body>\r\n"
        );
        context.Response.StatusCode = status;
        // Kestrel's own phrase can differ from medusa's (413 is "Payload Too Large" there); the status line and the page agree.
        if (context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reason;
        }
        context.Response.ContentType = "text/html";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
