using System.Buffers;
using System.Text;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// A growable UTF-8 buffer rented from the shared pool, for <see cref="XmlRpcResponseWriter"/>: a reply is built in
/// one buffer and sent from it (<see cref="Detach"/>), so a reply of any size allocates no array of its own.
/// </summary>
internal ref struct Utf8Output
{
    private byte[] _buffer;
    private int _length;

    public Utf8Output(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        _length = 0;
    }

    public void Ascii(ReadOnlySpan<byte> literal)
    {
        literal.CopyTo(Reserve(literal.Length));
        _length += literal.Length;
    }

    public void Int(int value)
    {
        value.TryFormat(Reserve(11), out var written);
        _length += written;
    }

    /// <summary>Characters that need neither escaping nor replacing, encoded as UTF-8.</summary>
    public void Plain(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        _length += Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
    }

    /// <summary>Hands the buffer and what was written over to the caller; <see cref="Dispose"/> then does nothing.</summary>
    public PooledBytes Detach()
    {
        var bytes = new PooledBytes(_buffer, _length);
        _buffer = [];
        return bytes;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
        _buffer = [];
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
        return _buffer.AsSpan(_length);
    }
}
