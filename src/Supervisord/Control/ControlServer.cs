using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Metrics;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Kestrel on [unix_http_server] file= and, when configured, [inet_http_server] port=, each serving HTTP/1.1 (Supervisor's
/// wire: XML-RPC, /logtail) and prior-knowledge HTTP/2 (gRPC for our ctl) on the same socket (<see cref="ProtocolSniffer"/>).
/// Authorization runs before every route (<see cref="ControlAccess"/>). The socket's chmod/chown happen between bind and listen, in
/// CreateBoundListenSocket, so there is no window in which another user could connect.
/// </summary>
public static class ControlServer
{
    /// <param name="afterRequest">Runs after every request (the host's memory trim decides whether a burst left garbage).</param>
    public static WebApplication Build(
        SupervisorConfig config,
        SupervisorDaemon daemon,
        MainLog mainLog,
        TimeProvider time,
        Action afterRequest
    )
    {
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory }
        );
        // One throttle for every bad request, whichever protocol it came by.
        var throttle = new LogThrottle(time);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new HostLogFilter(mainLog, throttle));
        // No UseSystemd(): its READY=1 would come when the socket listens, before the programs are ready (SystemdNotify).

        var unix = config.UnixHttpServer;
        var inet = config.InetHttpServer;
        builder.WebHost.UseSockets(options =>
            options.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                if (endpoint is UnixDomainSocketEndPoint && unix is not null)
                {
                    SocketPermissions.Apply(unix.File, unix.Chmod, unix.Chown);
                }
                return socket;
            }
        );
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The sniffer presents h2 connections as negotiated over TLS; their requests still say ":scheme: http".
            kestrel.AllowAlternateSchemes = true;
            if (unix is not null)
            {
                kestrel.ListenUnixSocket(unix.File, listen => listen.Use(ProtocolSniffer.Middleware));
            }
            if (inet is not null)
            {
                var address =
                    inet.Host is "" or "*" ? IPAddress.Any
                    : IPAddress.TryParse(inet.Host, out var ip) ? ip
                    : Dns.GetHostAddresses(inet.Host)[0];
                kestrel.Listen(address, inet.Port, listen => listen.Use(ProtocolSniffer.Middleware));
            }
        });

        var unixCredentials = unix?.Username is { } u && unix.Password is { } p ? new Credentials(u, p) : null;
        var inetCredentials = inet?.Username is { } iu && inet.Password is { } ip2 ? new Credentials(iu, ip2) : null;
        var operations = new ControlOperations(daemon, time, mainLog);
        builder.Services.AddSingleton(operations);
        // Subscribed before the daemon autostarts anything, so that the first spawns are counted.
        var life = new LifeCounters();
        var lifeSubscription = daemon.Registry.Events.Subscribe(life);
        var metrics = new MetricsExposition(
            daemon,
            life,
            new ControlCallMetrics(time, RpcMethodTable.All.Select(m => m.Name)),
            time
        );
        builder.Services.AddSingleton(metrics.Calls);
        builder.Services.AddSingleton(life);
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<FaultTranslation>();
        });

        var access = new ControlAccess(unixCredentials, inetCredentials, CurrentProcess.EffectiveUid);
        var app = builder.Build();
        app.Use(access.InvokeAsync);
        app.Use(
            async (context, next) =>
            {
                await next(context).ConfigureAwait(false);
                afterRequest();
            }
        );
        app.Lifetime.ApplicationStopped.Register(lifeSubscription.Dispose);
        MapSupervisorWire(app, operations, metrics, mainLog.CreateLogger("supervisord"), throttle);
        app.MapGrpcService<SupervisorService>();
        return app;
    }

    /// <summary>Supervisor's HTTP/1.1 routes, in its handler order: XML-RPC, /logtail, /mainlogtail, the web page; then our /metrics.</summary>
    private static void MapSupervisorWire(
        WebApplication app,
        ControlOperations operations,
        MetricsExposition metrics,
        ILogger logger,
        LogThrottle throttle
    )
    {
        var rpc = new XmlRpcEndpoint(new RpcInterface(operations), logger, throttle, metrics.Calls);
        var tail = new LogTailEndpoint(operations);
        // Supervisor matches any URI that starts with /RPC2 (xmlrpc.supervisor_xmlrpc_handler.match).
        app.MapWhen(
            context => context.Request.Path.Value?.StartsWith("/RPC2", StringComparison.Ordinal) == true,
            branch => branch.Run(rpc.HandleAsync)
        );
        app.MapWhen(
            context => context.Request.Path.StartsWithSegments("/logtail"),
            branch => branch.Run(tail.ProcessAsync)
        );
        app.MapWhen(context => context.Request.Path.Equals("/mainlogtail"), branch => branch.Run(tail.MainAsync));
        var web = new Web.WebPage(operations);
        app.MapWhen(context => Web.WebPage.Handles(context.Request.Path), branch => branch.Run(web.HandleAsync));
        app.MapWhen(
            context => context.Request.Path.Equals("/metrics"),
            branch => branch.Run(new MetricsEndpoint(metrics).HandleAsync)
        );
    }
}
