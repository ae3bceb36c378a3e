using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>TICK_5/60/3600 on the wall-clock slice boundary (Supervisor's supervisord.tick), on a fake clock.</summary>
public sealed class TickSpecs
{
    // 1_800_000_000 is a multiple of 3600; start 2.5 s into a 5 s slice.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_002_500));

    [Fact]
    public void The_first_tick_comes_at_the_first_boundary_with_the_boundary_as_when()
    {
        using var hub = new EventHub(_time);
        var pool = Subscribe(hub, "TICK_5");

        Advance(TimeSpan.FromMilliseconds(2_499));
        pool.Seen.Should().BeEmpty("no tick at arming, and none before the boundary");
        Advance(TimeSpan.FromMilliseconds(1));

        pool.Seen.Select(p => p.Event).Should().Equal(new Tick(5, 1_800_000_005));
        EventText.Payload(pool.Seen[0].Event).Should().Be("when:1800000005");
    }

    [Fact]
    public void Ticks_follow_every_boundary()
    {
        using var hub = new EventHub(_time);
        var pool = Subscribe(hub, "TICK_5");

        Advance(TimeSpan.FromSeconds(17.5));

        pool.Seen.Select(p => ((Tick)p.Event).When)
            .Should()
            .Equal(1_800_000_005, 1_800_000_010, 1_800_000_015, 1_800_000_020);
    }

    [Fact]
    public void Abstract_tick_gets_every_period_in_supervisors_order_at_a_shared_boundary()
    {
        _time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1_800_003_598));
        using var hub = new EventHub(_time);
        var pool = Subscribe(hub, "TICK");

        Advance(TimeSpan.FromSeconds(2));

        pool.Seen.Select(p => p.Event)
            .Should()
            .Equal(new Tick(5, 1_800_003_600), new Tick(60, 1_800_003_600), new Tick(3600, 1_800_003_600));
        pool.Seen.Select(p => p.Serial).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void No_timer_is_armed_without_a_tick_subscriber()
    {
        using var hub = new EventHub(_time);
        var pool = Subscribe(hub, "PROCESS_STATE");
        using var feed = hub.Watch();

        Advance(TimeSpan.FromSeconds(3600));

        pool.Seen.Should().BeEmpty();
        feed.Reader.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void The_timer_stops_when_the_last_tick_subscriber_leaves()
    {
        using var hub = new EventHub(_time);
        using var feed = hub.Watch();
        var pool = new EventHubSpecs.Recorder(new EventSubscription(["TICK_5"]));
        var subscription = hub.Subscribe(pool);
        Advance(TimeSpan.FromSeconds(2.5));
        subscription.Dispose();

        Advance(TimeSpan.FromSeconds(60));

        feed.Reader.Count.Should().Be(1, "only the tick before the pool left");
    }

    [Fact]
    public void Only_subscribed_periods_wake_the_timer_and_take_serials()
    {
        using var hub = new EventHub(_time);
        var pool = Subscribe(hub, "TICK_60");

        Advance(TimeSpan.FromSeconds(120));

        pool.Seen.Select(p => p.Event).Should().Equal(new Tick(60, 1_800_000_060), new Tick(60, 1_800_000_120));
        pool.Seen.Select(p => p.Serial).Should().Equal(0, 1);
    }

    private static EventHubSpecs.Recorder Subscribe(EventHub hub, string events)
    {
        var pool = new EventHubSpecs.Recorder(new EventSubscription([events]));
        hub.Subscribe(pool);
        return pool;
    }

    /// <summary>In 100 ms steps, as a real clock moves, so that each timer sees the time it was due at.</summary>
    private void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (; by > step; by -= step)
        {
            _time.Advance(step);
        }
        _time.Advance(by);
    }
}
