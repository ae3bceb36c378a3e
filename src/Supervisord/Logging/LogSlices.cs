namespace Supervise.Supervisord.Logging;

/// <summary>Supervisor's readFile slicing (reference §4.5): a negative offset with length 0 reads the last bytes.</summary>
public static class LogSlices
{
    /// <returns>The bytes, or null when the arguments are invalid (BAD_ARGUMENTS).</returns>
    public static byte[]? Read(string path, long offset, long length)
    {
        if ((offset < 0 && length != 0) || (offset >= 0 && length < 0))
        {
            return null;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var size = stream.Length;
        long start;
        long count;
        if (offset < 0)
        {
            start = Math.Max(0, size + offset);
            count = size - start;
        }
        else
        {
            start = Math.Min(offset, size);
            count = length == 0 ? size - start : Math.Min(length, size - start);
        }
        var buffer = new byte[count];
        stream.Position = start;
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>The same slicing over bytes held in memory.</summary>
    public static byte[]? Read(byte[] data, long offset, long length)
    {
        if ((offset < 0 && length != 0) || (offset >= 0 && length < 0))
        {
            return null;
        }
        var start = offset < 0 ? Math.Max(0, data.Length + offset) : Math.Min(offset, data.Length);
        var count = offset < 0 || length == 0 ? data.Length - start : Math.Min(length, data.Length - start);
        return data[(int)start..(int)(start + count)];
    }

    /// <summary>The last <paramref name="count"/> bytes of a file and the file's size; empty when it does not exist.</summary>
    public static (byte[] Data, long Size) Tail(string path, long count)
    {
        try
        {
            using var stream = new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete
            );
            var size = stream.Length;
            var start = Math.Max(0, size - count);
            var buffer = new byte[size - start];
            stream.Position = start;
            stream.ReadExactly(buffer);
            return (buffer, size);
        }
        catch (FileNotFoundException)
        {
            return ([], 0);
        }
    }

    /// <summary>
    /// Supervisor's tailFile: when the file grew past offset+length, the last <paramref name="length"/> bytes and
    /// overflow; otherwise up to <paramref name="length"/> bytes ending at the end of the file (it may repeat bytes
    /// before <paramref name="offset"/>, as Supervisor's does). The returned offset is the file's size.
    /// </summary>
    public static (byte[] Data, long Offset, bool Overflow) TailFrom(string path, long offset, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var size = stream.Length;
        var overflow = false;
        if (size > offset + length)
        {
            overflow = true;
            offset = size - 1;
        }
        if (offset + length > size)
        {
            if (offset > size - 1)
            {
                length = 0;
            }
            offset = size - length;
        }
        offset = Math.Max(0, offset);
        length = Math.Max(0, Math.Min(length, size - offset));
        var buffer = new byte[length];
        stream.Position = offset;
        stream.ReadExactly(buffer);
        return (buffer, size, overflow);
    }
}
