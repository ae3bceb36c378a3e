namespace Supervise.Supervisord.Logging;

public sealed partial class OutputReactor
{
    /// <summary>
    /// One attached pipe and the path its bytes take: capture mode first (it sees the raw bytes, as Supervisor's
    /// record_output does), then strip_ansi, then the channel log.
    /// </summary>
    private sealed class Source
    {
        public Source(int fd, ChannelLog log, bool stripAnsi, long captureMaxBytes, Action<byte[]>? captured)
        {
            Fd = fd;
            Log = log;
            Stripper = stripAnsi ? new AnsiStripper(log) : null;
            Capture =
                captureMaxBytes > 0 && captured is not null
                    ? new CaptureSplitter(captureMaxBytes, WriteLog, captured)
                    : null;
        }

        public ulong Id { get; set; }

        public int Fd { get; }

        public ChannelLog Log { get; }

        public AnsiStripper? Stripper { get; }

        public CaptureSplitter? Capture { get; }

        /// <summary>Whether a flood may be spliced straight into the file: nothing in between needs to see the bytes.</summary>
        public bool CanSplice => Stripper is null && Capture is null;

        /// <summary>The pipe's capacity while it floods.</summary>
        public int Capacity { get; set; }

        public void Deliver(Span<byte> chunk)
        {
            if (Capture is null)
            {
                WriteLog(chunk);
            }
            else
            {
                Capture.Write(chunk);
            }
        }

        /// <summary>End of file: what the capture and strip stages still hold goes to the log.</summary>
        public void Flush()
        {
            Capture?.Flush();
            Stripper?.Flush();
        }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void WriteLog(Span<byte> data)
        {
            if (Stripper is null)
            {
                Log.Write(data);
            }
            else
            {
                Stripper.Write(data);
            }
        }
    }
}
