using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// The rendered methodResponse of the last value it was asked to keep, lent out again while calls return that same
/// value instance. XML-RPC values are immutable, so the same instance renders to the same bytes; what returns the
/// same instance is <see cref="AllProcessInfoCache"/>. Holds one reply's buffer (126 KB at 100 processes).
/// </summary>
public sealed class ReplyMemo
{
    private Entry? _last;

    /// <summary>The reply to <paramref name="value"/>, for the caller to send and dispose.</summary>
    /// <param name="keep">Whether to keep this reply for later calls (only values that come back as the same instance gain).</param>
    public PooledBytes Render(XmlRpcValue value, bool keep)
    {
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Value, value) && last.Reply.TryShare())
        {
            return last.Reply;
        }
        var reply = XmlRpcResponseWriter.PooledResponse(value);
        if (keep && reply.TryShare())
        {
            // The memo is now a holder of the new reply; it lets go of the previous one (sends in flight keep theirs).
            Interlocked.Exchange(ref _last, new Entry(value, reply))?.Reply.Dispose();
        }
        return reply;
    }

    private sealed record Entry(XmlRpcValue Value, PooledBytes Reply);
}
