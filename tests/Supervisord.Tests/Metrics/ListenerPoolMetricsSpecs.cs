using Supervise.Supervisord.Events;
using Supervise.Supervisord.Tests.Events;

namespace Supervise.Supervisord.Tests.Metrics;

/// <summary>What a pool shows /metrics: its buffer depth and the events it discarded.</summary>
public sealed class ListenerPoolMetricsSpecs
{
    [Fact]
    public async Task A_full_buffer_counts_each_discarded_event_and_the_depth_stays_at_the_buffer_size()
    {
        using var harness = new PoolHarness(bufferSize: 2);

        foreach (var group in new[] { "a", "b", "c", "d", "e" })
        {
            harness.Hub.Publish(new ProcessGroupAdded(group));
        }
        await harness.Pool.IdleAsync();

        harness.Pool.BufferCapacity.Should().Be(2);
        harness.Pool.BufferDepth.Should().Be(2);
        harness.Pool.Overflows.Should().Be(3);
    }

    [Fact]
    public async Task A_dispatched_event_leaves_the_buffer()
    {
        using var harness = new PoolHarness();
        harness.Hub.Publish(new ProcessGroupAdded("a"));
        await harness.Pool.IdleAsync();
        harness.Pool.BufferDepth.Should().Be(1);

        harness.Run(harness.First);
        await harness.Pool.IdleAsync();

        harness.Pool.BufferDepth.Should().Be(0);
        harness.Pool.Overflows.Should().Be(0);
    }
}
