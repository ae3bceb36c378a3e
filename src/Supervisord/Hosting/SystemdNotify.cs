using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// The daemon's own readiness for systemd (<c>Type=notify</c>, sd_notify(3)): READY=1 once every autostart process is
/// ready (RUNNING, after its ready= probe) or has settled otherwise (FATAL, or EXITED for a one-shot), so that one
/// failing program does not make systemd time the whole daemon out; STATUS= says how many are running, and
/// STOPPING=1 is sent when a shutdown begins. NOTIFY_SOCKET is taken out of the environment at start-up, so
/// children never inherit systemd's socket (a ready=notify child gets its own).
/// </summary>
internal static partial class SystemdNotify
{
    private static string? _socket;

    /// <summary>Reads NOTIFY_SOCKET and removes it from the environment children inherit; call before anything spawns.</summary>
    public static void TakeSocket()
    {
        var socket = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (!string.IsNullOrEmpty(socket))
        {
            _socket = socket;
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", null);
        }
    }

    /// <summary>Sends READY=1 when the autostart processes have settled, and STOPPING=1 when the daemon stops.</summary>
    public static async Task RunAsync(SupervisorDaemon daemon, ILogger logger)
    {
        if (_socket is null)
        {
            return;
        }
        try
        {
            var autostart = daemon.Registry.Groups.SelectMany(g => g.Processes).Where(p => p.Config.Autostart).ToList();
            var settled = await Task.WhenAll(autostart.Select(p => p.WaitForAsync(Settled, CancellationToken.None)))
                .ConfigureAwait(false);
            var running = settled.Count(s => s.State == ProcessState.Running);
            if (daemon.Mood == SupervisorMood.Running)
            {
                Send(
                    _socket,
                    $"READY=1\nSTATUS={running} of {settled.Length} autostart processes running\nMAINPID={Environment.ProcessId}\n"
                );
                LogReady(logger, running, settled.Length);
            }
            if (await daemon.Exit.ConfigureAwait(false) == DaemonExit.Shutdown)
            {
                Send(_socket, "STOPPING=1\n");
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            LogNotifyFailed(logger, _socket, exception.Message);
        }
    }

    private static bool Settled(ProcessSnapshot s) =>
        s.State
            is ProcessState.Running
                or ProcessState.Fatal
                or ProcessState.Exited
                or ProcessState.Stopped
                or ProcessState.Unknown;

    private static void Send(string path, string message)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        // sd_notify: '@' names an abstract socket.
        var endpoint = new UnixDomainSocketEndPoint(path.StartsWith('@') ? "\0" + path[1..] : path);
        socket.SendTo(Encoding.UTF8.GetBytes(message), endpoint);
    }

    [LoggerMessage(
        EventId = 4,
        Level = LogLevel.Information,
        Message = "notified systemd: ready ({Running} of {Total} autostart processes running)"
    )]
    private static partial void LogReady(ILogger logger, int running, int total);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "could not notify systemd at {Socket}: {Reason}")]
    private static partial void LogNotifyFailed(ILogger logger, string socket, string reason);
}
