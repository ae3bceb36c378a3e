namespace Supervise.Supervisord.Logging;

/// <summary>
/// The last bytes a channel wrote, kept in memory for channels that have no log file (stdout_logfile=NONE), so that
/// `tail` and `tail -f` still show something. Allocated at the first write; quiet channels cost nothing.
/// </summary>
public sealed class TailBuffer(int capacity)
{
    private readonly byte[] _ring = new byte[capacity];
    private long _written;

    /// <summary>Bytes ever written (the offset just after the last byte, as for a file that never rotates).</summary>
    public long Written => _written;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.Length > _ring.Length)
        {
            _written += data.Length - _ring.Length;
            data = data[^_ring.Length..];
        }
        var position = (int)(_written % _ring.Length);
        var first = Math.Min(data.Length, _ring.Length - position);
        data[..first].CopyTo(_ring.AsSpan(position));
        data[first..].CopyTo(_ring);
        _written += data.Length;
    }

    /// <summary>Everything still held, oldest first.</summary>
    public byte[] Contents()
    {
        var held = (int)Math.Min(_written, _ring.Length);
        var result = new byte[held];
        var start = (int)((_written - held) % _ring.Length);
        var first = Math.Min(held, _ring.Length - start);
        _ring.AsSpan(start, first).CopyTo(result);
        _ring.AsSpan(0, held - first).CopyTo(result.AsSpan(first));
        return result;
    }
}
