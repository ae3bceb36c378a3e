using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class ChannelLogSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-channel-").FullName;

    [Fact]
    public void A_subscriber_that_falls_behind_holds_a_bounded_amount_and_the_file_keeps_everything()
    {
        using var log = new ChannelLog(Path.Combine(_directory, "flood.log"), maxBytes: 0, backups: 0);
        log.EnsureOpen();
        using var subscription = log.Subscribe(initialBytes: 0);
        var chunk = new byte[1 << 20];

        for (var i = 0; i < 20; i++)
        {
            log.Write(chunk);
        }

        var held = Drain(subscription);
        held.Should().BeLessThanOrEqualTo(ChannelLog.Subscription.MaxQueuedBytes);
        subscription.SkippedChunks.Should().Be(20 - (held / chunk.Length));
        new FileInfo(log.Path!).Length.Should().Be(20L << 20);

        log.Write("after the reader caught up\n"u8);
        Drain(subscription).Should().Be("after the reader caught up\n".Length);
    }

    [Fact]
    public void The_initial_tail_a_subscriber_asks_for_is_never_skipped()
    {
        using var log = new ChannelLog(Path.Combine(_directory, "big.log"), maxBytes: 0, backups: 0);
        log.EnsureOpen();
        log.Write(new byte[12 << 20]);

        using var subscription = log.Subscribe(initialBytes: 10 << 20);

        Drain(subscription).Should().Be(10 << 20);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static long Drain(ChannelLog.Subscription subscription)
    {
        long total = 0;
        while (subscription.Reader.TryRead(out var chunk))
        {
            total += chunk.Length;
        }
        return total;
    }
}
