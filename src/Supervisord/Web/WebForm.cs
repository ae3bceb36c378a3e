using Microsoft.AspNetCore.Http;

namespace Supervise.Supervisord.Web;

/// <summary>The request's fields as Supervisor's views see them: the query string, and for a POST the form body too (the body wins).</summary>
public sealed class WebForm(IQueryCollection query, IFormCollection? body)
{
    public static async Task<WebForm> ReadAsync(HttpRequest request)
    {
        var body =
            HttpMethods.IsPost(request.Method) && request.HasFormContentType
                ? await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)
                : null;
        return new WebForm(request.Query, body);
    }

    public string? Get(string name) =>
        body?.TryGetValue(name, out var posted) == true && posted.Count > 0 ? posted.ToString()
        : query.TryGetValue(name, out var value) && value.Count > 0 ? value[0]
        : null;
}
