using Microsoft.AspNetCore.Http;

namespace Supervise.Supervisord.Web;

/// <summary>
/// Refuses state-changing requests that another site made a browser send. A browser replays cached Basic credentials
/// on any request to the daemon, so without this any web page could embed &lt;img src=".../index.html?action=stopall"&gt;.
/// Browsers mark their requests with Sec-Fetch-Site (Fetch Metadata) and, for POST and fetch, Origin: allowed are
/// "same-origin" and "none" (typed or bookmarked), an Origin whose host is the request's Host (or X-Forwarded-Host,
/// behind a proxy), and clients that send neither header (curl, scripts, Supervisor's own clients).
/// </summary>
public static class CrossSiteGuard
{
    public static bool IsForeign(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return true; // "null" (a sandboxed frame, a file: page) or garbage
        }
        var authority = uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port;
        return !Matches(authority, request.Host.Value)
            && !Matches(authority, request.Headers["X-Forwarded-Host"].ToString());
    }

    private static bool Matches(string authority, string? host) =>
        !string.IsNullOrEmpty(host) && string.Equals(authority, host, StringComparison.OrdinalIgnoreCase);
}
