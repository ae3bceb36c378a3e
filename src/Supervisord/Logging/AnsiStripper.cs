namespace Supervise.Supervisord.Logging;

/// <summary>
/// strip_ansi: removes ANSI escape sequences (ESC '[' parameters and one of H f A B C D R s u J K h l p m), as
/// Supervisor's stripEscapes does, compacting the buffer in place.
/// </summary>
public static class AnsiStripper
{
    private const string Terminators = "HfABCDRsuJKhlpm";

    /// <returns>The length of the stripped data, now at the start of the same range.</returns>
    public static int Strip(byte[] buffer, int offset, int count)
    {
        var write = offset;
        var end = offset + count;
        for (var read = offset; read < end; read++)
        {
            if (buffer[read] == 0x1b && read + 1 < end && buffer[read + 1] == (byte)'[')
            {
                var scan = read + 2;
                while (scan < end && Terminators.IndexOf((char)buffer[scan]) < 0)
                {
                    scan++;
                }
                if (scan < end)
                {
                    read = scan;
                    continue;
                }
            }
            buffer[write++] = buffer[read];
        }
        return write - offset;
    }
}
