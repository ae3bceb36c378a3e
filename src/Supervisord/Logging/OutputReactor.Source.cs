namespace Supervise.Supervisord.Logging;

public sealed partial class OutputReactor
{
    private sealed class Source(int fd, ChannelLog log, AnsiStripper? stripper)
    {
        public ulong Id { get; set; }

        public int Fd { get; } = fd;

        public ChannelLog Log { get; } = log;

        public AnsiStripper? Stripper { get; } = stripper;

        /// <summary>The pipe's capacity while it floods.</summary>
        public int Capacity { get; set; }

        public void Deliver(Span<byte> chunk)
        {
            if (Stripper is null)
            {
                Log.Write(chunk);
            }
            else
            {
                Stripper.Write(chunk);
            }
        }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
