using System.Threading.Channels;

namespace Supervise.Supervisord.Events;

/// <summary>
/// An observer of the whole stream with its own bounded queue: a slow reader loses the oldest events, never slows
/// a publisher. Dispose to leave the stream.
/// </summary>
public sealed class EventFeed : IEventSubscriber, IDisposable
{
    private readonly Channel<PublishedEvent> _queue;
    private IDisposable? _subscription;

    internal EventFeed(int capacity) =>
        _queue = Channel.CreateBounded<PublishedEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }
        );

    public ChannelReader<PublishedEvent> Reader => _queue.Reader;

    public EventSubscription? Subscription => null;

    public void Deliver(PublishedEvent published) => _queue.Writer.TryWrite(published);

    public void Dispose()
    {
        _subscription?.Dispose();
        _queue.Writer.TryComplete();
    }

    internal void Attach(IDisposable subscription) => _subscription = subscription;
}
