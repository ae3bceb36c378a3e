using System.Buffers;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Bytes in an array rented from the shared pool, given back when the last holder disposes. A reply is sent from the
/// buffer it was built in: copying a getAllProcessInfo reply out (126 KB at 100 processes) put an array on the large
/// object heap at every call, and those arrays set off a full collection every few dozen calls. The creator is the
/// first holder; <see cref="TryShare"/> adds one (<see cref="ReplyMemo"/> keeps a reply and lends it to later calls).
/// Each holder disposes once.
/// </summary>
public sealed class PooledBytes : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;
    private int _holders = 1;

    internal PooledBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory =>
        (_buffer ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsMemory(0, _length);

    public int Length => _length;

    /// <summary>One more holder, who must dispose too; false once the last holder has disposed (the buffer is gone).</summary>
    internal bool TryShare()
    {
        var holders = Volatile.Read(ref _holders);
        while (holders > 0)
        {
            var seen = Interlocked.CompareExchange(ref _holders, holders + 1, holders);
            if (seen == holders)
            {
                return true;
            }
            holders = seen;
        }
        return false;
    }

    public void Dispose()
    {
        if (Interlocked.Decrement(ref _holders) == 0 && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
