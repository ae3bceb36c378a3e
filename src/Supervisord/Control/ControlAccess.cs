using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Connections.Features;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Authorizes every call. On the Unix socket the caller's uid comes from SO_PEERCRED: root and the daemon's own user
/// are allowed. When the server section sets username/password, the Basic credentials must match too (the password
/// may be Supervisor's "{SHA}" + hex SHA-1 form). TCP always requires credentials.
/// </summary>
public sealed class ControlAccess(Credentials? unixCredentials, Credentials? inetCredentials, uint ownerUid) : Interceptor
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var socket = http.Features.Get<IConnectionSocketFeature>()?.Socket;
        var isUnix = socket?.AddressFamily == AddressFamily.Unix;
        if (isUnix)
        {
            var peer = new byte[12];
            socket!.GetRawSocketOption(SolSocket, SoPeerCred, peer);
            var uid = BitConverter.ToUInt32(peer, 4);
            if (uid != 0 && uid != ownerUid)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"uid {uid} is not allowed"));
            }
        }
        var credentials = isUnix ? unixCredentials : inetCredentials;
        if (credentials is null)
        {
            if (isUnix)
            {
                return;
            }
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Server requires authentication"));
        }
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || !Matches(header["Basic ".Length..].Trim(), credentials))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Server requires authentication"));
        }
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
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(password[5..].ToLowerInvariant()));
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(password));
    }
}

/// <summary>A server section's username and password (cleartext or "{SHA}" + hex SHA-1).</summary>
public sealed record Credentials(string Username, string Password);
