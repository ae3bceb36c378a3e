namespace Supervise.Supervisord.Logging;

/// <summary>
/// A bounded first-in first-out store of bytes a log file could not take yet. Past <see cref="Capacity"/>, the oldest
/// bytes go first: the newest output is what an operator needs once the disk has room again. Not thread-safe: its
/// owner's lock guards it.
/// </summary>
public sealed class HeldBytes(long capacity)
{
    private readonly Queue<byte[]> _chunks = new();

    // How much of the first chunk was already written out or dropped.
    private int _headOffset;

    public long Capacity { get; } = capacity;

    /// <summary>Bytes held now.</summary>
    public long Length { get; private set; }

    /// <summary>Appends a copy of <paramref name="data"/>; returns how many of the oldest bytes had to be dropped.</summary>
    public long Append(ReadOnlySpan<byte> data)
    {
        if (data.Length > Capacity)
        {
            var over = data.Length - Capacity;
            return Drop(Length) + over + Append(data[(int)over..]);
        }
        var dropped = Drop(Length + data.Length - Capacity);
        if (!data.IsEmpty)
        {
            _chunks.Enqueue(data.ToArray());
            Length += data.Length;
        }
        return dropped;
    }

    /// <summary>The oldest bytes still held (a part of one chunk); empty when nothing is held.</summary>
    public ReadOnlyMemory<byte> Peek() =>
        _chunks.TryPeek(out var head) ? head.AsMemory(_headOffset) : ReadOnlyMemory<byte>.Empty;

    /// <summary>Forgets the first <paramref name="count"/> bytes, which were written out.</summary>
    public void Consume(long count) => Drop(count);

    private long Drop(long count)
    {
        var dropped = 0L;
        while (count > 0 && _chunks.TryPeek(out var head))
        {
            var left = head.Length - _headOffset;
            if (left <= count)
            {
                _chunks.Dequeue();
                _headOffset = 0;
                dropped += left;
                count -= left;
            }
            else
            {
                _headOffset += (int)count;
                dropped += count;
                count = 0;
            }
        }
        Length -= dropped;
        return dropped;
    }
}
