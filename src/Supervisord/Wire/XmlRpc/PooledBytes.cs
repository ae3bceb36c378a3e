using System.Buffers;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Bytes in an array rented from the shared pool, given back on <see cref="Dispose"/>. A reply is sent from the buffer
/// it was built in: copying a getAllProcessInfo reply out (126 KB at 100 processes) put an array on the large object
/// heap at every call, and those arrays set off a full collection every few dozen calls.
/// </summary>
public sealed class PooledBytes : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    internal PooledBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsMemory(0, _length);

    public int Length => _length;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
