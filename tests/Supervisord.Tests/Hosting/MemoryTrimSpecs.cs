using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Hosting;

namespace Supervise.Supervisord.Tests.Hosting;

/// <summary>The trim on a fake clock, with fake allocation and committed counts and a collection that only counts.</summary>
public sealed class MemoryTrimSpecs : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MemoryTrim _trim;
    private long _allocated;
    private long _committed = 64 << 20;
    private int _collections;

    public MemoryTrimSpecs() => _trim = new MemoryTrim(_time, () => _allocated, () => _collections++, () => _committed);

    public void Dispose() => _trim.Dispose();

    [Fact]
    public void A_nudge_after_a_large_burst_of_allocation_trims_once_the_burst_has_been_quiet()
    {
        _allocated = 16 << 20;

        _trim.Nudge();
        _time.Advance(MemoryTrim.Quiet - TimeSpan.FromMilliseconds(1));

        _trim.Pending.Should().BeTrue();
        _collections.Should().Be(0, "the burst has not been quiet for long enough yet");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _collections.Should().Be(1);
        _trim.Trims.Should().Be(1);
        _trim.Pending.Should().BeFalse();
    }

    [Fact]
    public void A_nudge_without_enough_allocation_since_the_last_trim_schedules_nothing()
    {
        _allocated = MemoryTrim.Threshold - 1;

        _trim.Nudge();
        _time.Advance(MemoryTrim.MaxWait);

        _trim.Pending.Should().BeFalse();
        _collections.Should().Be(0);
    }

    [Fact]
    public void Nudges_during_a_burst_put_the_trim_off_until_the_burst_ends()
    {
        _allocated = 16 << 20;
        _trim.Nudge();

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            _trim.Nudge();
        }
        _collections.Should().Be(0, "a nudge came every 100 ms, less than the quiet time apart");
        _time.Advance(MemoryTrim.Quiet);

        _collections.Should().Be(1, "many nudges in one burst make one trim");
    }

    [Fact]
    public void Under_steady_load_the_trim_runs_at_the_latest_max_wait_after_the_first_nudge()
    {
        _allocated = 16 << 20;
        _trim.Nudge();

        var elapsed = TimeSpan.Zero;
        while (_collections == 0 && elapsed < MemoryTrim.MaxWait * 2)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            elapsed += TimeSpan.FromMilliseconds(50);
            _trim.Nudge();
        }

        _collections.Should().Be(1);
        elapsed.Should().Be(MemoryTrim.MaxWait);
    }

    [Fact]
    public void After_a_trim_only_new_allocation_past_the_threshold_schedules_the_next()
    {
        _allocated = 16 << 20;
        _trim.Trim();
        _committed += MemoryTrim.Growth;

        _allocated += MemoryTrim.Threshold - 1;
        _trim.Nudge();
        _trim.Pending.Should().BeFalse();
        _allocated += 1;
        _trim.Nudge();

        _trim.Pending.Should().BeTrue();
    }

    [Fact]
    public void Steady_allocation_that_leaves_the_committed_heap_where_the_last_trim_left_it_never_trims()
    {
        _trim.Trim();
        var trims = _trim.Trims;

        for (var i = 0; i < 20; i++)
        {
            _allocated += MemoryTrim.Threshold;
            _committed += i % 2 == 0 ? MemoryTrim.Growth - 1 : -(MemoryTrim.Growth - 1);
            _trim.Nudge();
            _time.Advance(MemoryTrim.MaxWait);
        }

        _trim.Pending.Should().BeFalse();
        _trim
            .Trims.Should()
            .Be(trims, "the young generation's own collections keep up: a trim would only make RSS saw");
    }

    [Fact]
    public void A_burst_that_grows_the_committed_heap_past_the_growth_over_its_trimmed_value_trims()
    {
        _trim.Trim();
        _allocated += MemoryTrim.Threshold;
        _committed += MemoryTrim.Growth;

        _trim.Nudge();
        _time.Advance(MemoryTrim.Quiet);

        _trim.Trims.Should().Be(2);
    }

    [Fact]
    public void The_committed_heap_is_looked_at_once_per_threshold_allocated_not_at_every_nudge()
    {
        var looks = 0;
        using var trim = new MemoryTrim(
            _time,
            () => _allocated,
            () => { },
            () =>
            {
                looks++;
                return 0;
            }
        );
        trim.Trim();
        looks = 0;

        _allocated += MemoryTrim.Threshold;
        for (var i = 0; i < 100; i++)
        {
            trim.Nudge();
        }

        looks.Should().Be(1);
    }
}
