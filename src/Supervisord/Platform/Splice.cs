using System.Runtime.InteropServices;

namespace Supervise.Supervisord.Platform;

/// <summary>
/// splice(2) from a child's pipe into a log file at an explicit offset: the bytes go from the pipe's pages to the
/// page cache without a round trip through the daemon's memory, which halves the CPU a flooding child costs.
/// </summary>
internal static unsafe class Splice
{
    private const uint SPLICE_F_MOVE = 1;
    private const uint SPLICE_F_NONBLOCK = 2;

    public enum Outcome
    {
        Moved,
        PipeEmpty,
        Unsupported,
    }

    public static (Outcome Outcome, long Bytes) FromPipe(int pipeFd, SafeHandle file, long offset, long maxBytes)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            var position = offset;
            var moved = Libc.splice(
                pipeFd,
                null,
                (int)file.DangerousGetHandle(),
                &position,
                (nuint)maxBytes,
                SPLICE_F_MOVE | SPLICE_F_NONBLOCK
            );
            if (moved > 0)
            {
                return (Outcome.Moved, moved);
            }
            return moved == 0 || Errno.Last == Errno.EAGAIN ? (Outcome.PipeEmpty, 0) : (Outcome.Unsupported, 0);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }
}
