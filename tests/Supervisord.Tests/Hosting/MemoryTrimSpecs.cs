using System.Reflection;
using Supervise.Supervisord.Hosting;

namespace Supervise.Supervisord.Tests.Hosting;

/// <summary>
/// MemoryTrim is process-wide static state that spawns and control calls nudge too, so these specs run alone (no
/// other spec in parallel) and check that their own nudge is the one that scheduled the trim they then observe.
/// </summary>
[Collection(nameof(MemoryTrimSpecs))]
public sealed class MemoryTrimSpecs
{
    private static byte[]? _sink;

    [Fact]
    public async Task A_nudge_after_a_large_burst_of_allocation_schedules_one_trim_that_then_runs()
    {
        var before = await TrimmedAsync();
        Allocate(16 << 20);

        MemoryTrim.Nudge();

        (TrimPending() || MemoryTrim.Trims > before)
            .Should()
            .BeTrue("this nudge followed 16 MB of allocation, over the 8 MB threshold");
        await Eventually.UntilAsync(() => !TrimPending(), "the scheduled trim ran");
        MemoryTrim.Trims.Should().Be(before + 1, "exactly the trim this nudge scheduled ran");
    }

    [Fact]
    public async Task A_nudge_without_enough_allocation_since_the_last_trim_schedules_nothing()
    {
        var before = await TrimmedAsync();

        MemoryTrim.Nudge();

        TrimPending().Should().BeFalse("almost nothing was allocated since the trim");
        MemoryTrim.Trims.Should().Be(before);
    }

    [Fact]
    public async Task Nudges_while_a_trim_is_pending_schedule_no_second_one()
    {
        var before = await TrimmedAsync();
        Allocate(16 << 20);

        MemoryTrim.Nudge();
        MemoryTrim.Nudge();
        MemoryTrim.Nudge();

        await Eventually.UntilAsync(() => !TrimPending(), "the scheduled trim ran");
        MemoryTrim.Trims.Should().Be(before + 1, "three nudges in one burst make one trim");
    }

    /// <summary>Lets a trim that an earlier spec's spawn scheduled run first, then trims: the count to compare with.</summary>
    private static async Task<int> TrimmedAsync()
    {
        await Eventually.UntilAsync(() => !TrimPending(), "a trim scheduled before this spec ran");
        MemoryTrim.Trim();
        return MemoryTrim.Trims;
    }

    private static void Allocate(int bytes)
    {
        var start = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < bytes / (64 * 1024); i++)
        {
            // Stored, so that the JIT cannot keep the arrays on the stack.
            _sink = new byte[64 * 1024];
        }
        GC.GetTotalAllocatedBytes(precise: true).Should().BeGreaterThanOrEqualTo(start + bytes);
    }

    /// <summary>
    /// Whether a trim is scheduled and has not run yet. MemoryTrim exposes only a count of trims, which cannot tell
    /// whose nudge caused one, so this reads its private flag.
    /// </summary>
    private static bool TrimPending()
    {
        var field =
            typeof(MemoryTrim).GetField("_pending", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("MemoryTrim has no _pending field any more: update this spec");
        return (int)field.GetValue(null)! == 1;
    }
}
