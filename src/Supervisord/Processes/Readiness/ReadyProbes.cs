using System.Net;
using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes.Readiness;

/// <summary>
/// One attempt of a tcp://, http:// or exec: probe, bounded by its timeout. An attempt answers true or false and
/// never throws for the probed service's failures; cancellation (the process left STARTING) still propagates.
/// The exec: command is spawned like a program (posix_spawn, own process group, reaped by pid), with the program's
/// environment and directory, its output discarded, and SIGKILLed at the timeout.
/// </summary>
internal static class ReadyProbes
{
    private static readonly HttpClient Http = new(
        new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.Zero,
        }
    )
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static readonly ChannelLog Discard = new(null, 0, 0);

    public static async Task<bool> TcpAsync(string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var colon = target.LastIndexOf(':');
        var host = target[..colon].Trim('[', ']');
        var port = int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            EndPoint endpoint = IPAddress.TryParse(host, out var address)
                ? new IPEndPoint(address, port)
                : new DnsEndPoint(host, port);
            await socket.ConnectAsync(endpoint, limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception)
            when (exception is SocketException or OperationCanceledException
                && !cancellationToken.IsCancellationRequested
            )
        {
            return false;
        }
    }

    public static async Task<bool> HttpAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, limit.Token)
                .ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception)
            when (exception is HttpRequestException or IOException or OperationCanceledException
                && !cancellationToken.IsCancellationRequested
            )
        {
            return false;
        }
    }

    public static async Task<bool> ExecAsync(
        ProcessServices host,
        SpawnRequest program,
        string command,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        var (child, _) = await host
            .Spawner.SpawnAsync(program with { Command = command, RedirectStderr = true, StdinFd = -1 })
            .ConfigureAwait(false);
        if (child is null)
        {
            return false;
        }
        if (child.StdinFd >= 0)
        {
            new SafeFileHandle(child.StdinFd, ownsHandle: true).Dispose();
        }
        _ = host.Output.Attach(child.StdoutFd, Discard);
        var exited = new TaskCompletionSource<WaitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Reaper.Watch(child.Pid, status => exited.TrySetResult(status));
        try
        {
            var status = await exited.Task.WaitAsync(timeout, host.Time, cancellationToken).ConfigureAwait(false);
            return status.SupervisorExitStatus == 0;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Reaped by the reaper's watch; the answer is no in either case.
            host.Signals.Send(child.Pid, 9, toGroup: true);
            if (exception is OperationCanceledException)
            {
                throw;
            }
            return false;
        }
    }
}
