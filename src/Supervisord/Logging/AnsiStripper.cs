namespace Supervise.Supervisord.Logging;

/// <summary>
/// strip_ansi for one channel: removes ANSI escape sequences (ESC '[' parameters and one of H f A B C D R s u J K h l
/// p m, Supervisor's set) before the bytes reach the log. Supervisor strips each read on its own, so a sequence split
/// between two reads leaks its tail ("31mred") into the log; here an unfinished sequence is held back until the next
/// chunk decides it. A held sequence longer than <see cref="MaxSequence"/> bytes, or one still open at end of file,
/// is not an escape after all and is written as it came.
/// </summary>
public sealed class AnsiStripper(ChannelLog log)
{
    private const byte Escape = 0x1b;
    private const int MaxSequence = 64;
    private const string Terminators = "HfABCDRsuJKhlpm";

    private readonly byte[] _held = new byte[MaxSequence];
    private int _heldLength;

    /// <summary>Strips <paramref name="chunk"/> (compacting it in place) and writes the rest to the log.</summary>
    public void Write(Span<byte> chunk)
    {
        // Output so far is chunk[start..write]; write never passes read, so compacting in place is safe.
        var start = 0;
        var write = 0;
        for (var read = 0; read < chunk.Length; read++)
        {
            var next = chunk[read];
            if ((_heldLength == 1 && next != (byte)'[') || _heldLength == MaxSequence)
            {
                // Not an escape sequence after all: what was held is data, written before this byte.
                log.Write(chunk[start..write]);
                log.Write(_held.AsSpan(0, _heldLength));
                _heldLength = 0;
                start = write = read;
            }
            if (_heldLength > 1 && Terminators.Contains((char)next, StringComparison.Ordinal))
            {
                _heldLength = 0;
            }
            else if (_heldLength > 0 || next == Escape)
            {
                _held[_heldLength++] = next;
            }
            else
            {
                chunk[write++] = next;
            }
        }
        log.Write(chunk[start..write]);
    }

    /// <summary>End of file: a sequence still open is written as data.</summary>
    public void Flush()
    {
        log.Write(_held.AsSpan(0, _heldLength));
        _heldLength = 0;
    }
}
