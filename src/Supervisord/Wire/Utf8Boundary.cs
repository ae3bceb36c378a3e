namespace Supervise.Supervisord.Wire;

/// <summary>
/// Keeps a byte stream's chunks on UTF-8 character boundaries: Python's supervisorctl decodes each chunk of a
/// /logtail stream on its own and prints "Undecodable" for a character split between two chunks. The trailing bytes
/// of an unfinished sequence (at most 3) are held for the next chunk. Bytes that are not UTF-8 pass through.
/// </summary>
public sealed class Utf8Boundary
{
    private byte[] _held = [];

    /// <returns>The bytes that can go out now: what was held, then this chunk up to its last complete character.</returns>
    public ReadOnlyMemory<byte> Next(ReadOnlySpan<byte> chunk)
    {
        var joined = _held.Length == 0 ? chunk.ToArray() : [.. _held, .. chunk];
        var cut = joined.Length - IncompleteTail(joined);
        _held = joined[cut..];
        return joined.AsMemory(0, cut);
    }

    /// <summary>How many bytes at the end start a multi-byte sequence that the data does not finish.</summary>
    public static int IncompleteTail(ReadOnlySpan<byte> data)
    {
        for (var back = 1; back <= Math.Min(3, data.Length); back++)
        {
            var b = data[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: keep looking for its lead
            }
            var needed =
                (b & 0xE0) == 0xC0 ? 2
                : (b & 0xF0) == 0xE0 ? 3
                : (b & 0xF8) == 0xF0 ? 4
                : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }

    /// <summary>How many continuation bytes open the data (a tail that starts inside a character).</summary>
    public static int LeadingContinuations(ReadOnlySpan<byte> data)
    {
        var count = 0;
        while (count < Math.Min(3, data.Length) && (data[count] & 0xC0) == 0x80)
        {
            count++;
        }
        return count;
    }
}
