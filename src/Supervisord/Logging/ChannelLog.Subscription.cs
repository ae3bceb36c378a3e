using System.Threading.Channels;

namespace Supervise.Supervisord.Logging;

public sealed partial class ChannelLog
{
    /// <summary>
    /// Live bytes for one tail -f or fg. A reader that falls behind holds at most <see cref="MaxQueuedBytes"/>: chunks
    /// beyond that are skipped (as Supervisor's tail -f skips what was written between two of its polls), so a stalled
    /// client can never make the daemon hold a flood in memory.
    /// </summary>
    public sealed class Subscription : IDisposable
    {
        public const int MaxQueuedBytes = 8 << 20;
        private readonly Channel<byte[]> _channel = Channel.CreateUnbounded<byte[]>(
            new UnboundedChannelOptions { SingleReader = true }
        );
        private readonly Action<Subscription> _unsubscribe;
        private long _queued;

        internal Subscription(Action<Subscription> unsubscribe)
        {
            _unsubscribe = unsubscribe;
            Reader = new CountingReader(this);
        }

        public ChannelReader<byte[]> Reader { get; }

        /// <summary>Chunks skipped because the reader was too far behind.</summary>
        public long SkippedChunks { get; private set; }

        /// <param name="always">The initial tail the client asked for: never skipped.</param>
        internal void Offer(byte[] chunk, bool always = false)
        {
            if (!always && Interlocked.Read(ref _queued) + chunk.Length > MaxQueuedBytes)
            {
                SkippedChunks++;
                return;
            }
            Interlocked.Add(ref _queued, chunk.Length);
            _channel.Writer.TryWrite(chunk);
        }

        public void Dispose()
        {
            _unsubscribe(this);
            _channel.Writer.TryComplete();
        }

        private sealed class CountingReader(Subscription owner) : ChannelReader<byte[]>
        {
            public override bool CanCount => true;

            public override int Count => owner._channel.Reader.Count;

            public override Task Completion => owner._channel.Reader.Completion;

            public override bool TryRead(out byte[] item)
            {
                if (!owner._channel.Reader.TryRead(out item!))
                {
                    return false;
                }
                Interlocked.Add(ref owner._queued, -item.Length);
                return true;
            }

            public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
                owner._channel.Reader.WaitToReadAsync(cancellationToken);
        }
    }
}
