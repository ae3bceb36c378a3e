using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;

namespace Supervise.Supervisord.Logging;

/// <summary>
/// Copies a child's pipe into its channel log. The read end is wrapped in AnonymousPipeClientStream, whose async reads
/// are epoll-driven, so a thousand idle children hold no threads (FileStream.ReadAsync on a pipe would block a pool
/// thread each: reference/dotnet-on-linux.md §3). Bytes are passed through untouched: no decoding, no line splitting.
/// </summary>
public static class OutputPump
{
    private const int BufferSize = 256 * 1024;

    /// <summary>Pumps until end of file (the child and any grandchildren closed the pipe) and closes the fd.</summary>
    public static async Task RunAsync(int fd, ChannelLog log, Func<byte[], int, int, int>? transform = null)
    {
        using var stream = new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(fd, ownsHandle: true));
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                var length = transform is null ? read : transform(buffer, 0, read);
                log.Write(buffer.AsSpan(0, length));
            }
        }
        catch (IOException)
        {
            // The pipe broke: the child is gone; whatever it wrote before is already logged.
        }
    }
}
