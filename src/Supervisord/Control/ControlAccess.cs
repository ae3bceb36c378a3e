using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Authorizes every request before any route runs: gRPC, XML-RPC, /logtail and whatever comes later, so that a new
/// route cannot be reached unauthenticated. On the Unix socket the caller's uid comes from SO_PEERCRED: root and the
/// daemon's own user are allowed (403 otherwise). When the server section sets username and password, Basic
/// credentials must match (the password may be Supervisor's "{SHA}" + hex SHA-1 form); TCP always requires them.
/// A refusal is Supervisor's 401 (WWW-Authenticate: Basic realm="default", Connection: close), which Python's ctl
/// turns into "Server requires authentication" and ours maps to the same words.
/// </summary>
public sealed class ControlAccess(Credentials? unixCredentials, Credentials? inetCredentials, uint ownerUid)
{
    private static readonly object PeerKey = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        var isUnix = socket?.AddressFamily == AddressFamily.Unix;
        if (isUnix && !PeerAllowed(context, socket!))
        {
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status403Forbidden, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        var credentials = isUnix ? unixCredentials : inetCredentials;
        if (credentials is null && isUnix)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (
            credentials is null
            || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            || !Matches(header["Basic ".Length..].Trim(), credentials)
        )
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"default\"";
            context.Response.Headers.Connection = "close";
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status401Unauthorized, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    /// <summary>SO_PEERCRED once per connection (a keep-alive connection keeps its peer).</summary>
    private bool PeerAllowed(HttpContext context, Socket socket)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is not null && items.TryGetValue(PeerKey, out var known))
        {
            return (bool)known!;
        }
        var uid = PeerCredentials.Uid(socket);
        var allowed = uid == 0 || uid == ownerUid;
        if (items is not null)
        {
            items[PeerKey] = allowed;
        }
        return allowed;
    }

    private static bool Matches(string encoded, Credentials credentials)
    {
        var (username, password) = (credentials.Username, credentials.Password);
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0 || decoded[..colon] != username)
        {
            return false;
        }
        var given = decoded[(colon + 1)..];
        if (password.StartsWith("{SHA}", StringComparison.Ordinal))
        {
            var hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(given)));
            return CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(hash),
                Encoding.ASCII.GetBytes(password[5..].ToLowerInvariant())
            );
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(password));
    }
}

/// <summary>A server section's username and password (cleartext or "{SHA}" + hex SHA-1).</summary>
public sealed record Credentials(string Username, string Password);
