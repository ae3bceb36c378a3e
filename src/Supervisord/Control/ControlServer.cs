using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Hosting;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Kestrel with HTTP/2 only (gRPC over a Unix socket needs prior-knowledge h2c) on [unix_http_server] file= and,
/// when configured, [inet_http_server] port=. The socket's chmod/chown happen between bind and listen, in
/// CreateBoundListenSocket, so there is no window in which another user could connect.
/// </summary>
public static class ControlServer
{
    public static WebApplication Build(SupervisorConfig config, SupervisorDaemon daemon, MainLog mainLog, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new NonOwningProvider(mainLog));
        builder.Host.UseSystemd();

        var unix = config.UnixHttpServer;
        var inet = config.InetHttpServer;
        builder.WebHost.UseSockets(options => options.CreateBoundListenSocket = endpoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            if (endpoint is UnixDomainSocketEndPoint && unix is not null)
            {
                SocketPermissions.Apply(unix.File, unix.Chmod, unix.Chown);
            }
            return socket;
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (unix is not null)
            {
                kestrel.ListenUnixSocket(unix.File, listen => listen.Protocols = HttpProtocols.Http2);
            }
            if (inet is not null)
            {
                var address = inet.Host is "" or "*" ? IPAddress.Any : IPAddress.TryParse(inet.Host, out var ip) ? ip : Dns.GetHostAddresses(inet.Host)[0];
                kestrel.Listen(address, inet.Port, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });

        var unixCredentials = unix?.Username is { } u && unix.Password is { } p ? new Credentials(u, p) : null;
        var inetCredentials = inet?.Username is { } iu && inet.Password is { } ip2 ? new Credentials(iu, ip2) : null;
        builder.Services.AddSingleton(new ControlAccess(unixCredentials, inetCredentials, Platform.Libc.geteuid()));
        builder.Services.AddSingleton(daemon);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(mainLog);
        builder.Services.AddGrpc(options => options.Interceptors.Add<ControlAccess>());

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            Hosting.MemoryTrim.Nudge();
        });
        app.MapGrpcService<SupervisorService>();
        return app;
    }

    /// <summary>Lets the host log through the main log without disposing it when the host stops (reload keeps it).</summary>
    private sealed class NonOwningProvider(MainLog log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => log.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
