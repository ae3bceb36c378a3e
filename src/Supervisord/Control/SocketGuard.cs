using System.Net.Sockets;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Before binding the Unix socket: a socket file that answers belongs to a live daemon (refuse to start); one that
/// refuses connections was left by a crash (unlink it). Kestrel neither probes nor unlinks.
/// </summary>
public static class SocketGuard
{
    public enum Outcome
    {
        Free,
        StaleRemoved,
        InUse,
    }

    public static Outcome Prepare(string path)
    {
        if (!File.Exists(path))
        {
            return Outcome.Free;
        }
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                return Outcome.InUse;
            }
            catch (SocketException)
            {
                // ECONNREFUSED (or not a socket at all): nobody listens there.
            }
        }
        File.Delete(path);
        return Outcome.StaleRemoved;
    }
}
