using Supervise.Supervisord.Hosting;

namespace Supervise.Supervisord.Tests.Hosting;

public sealed class MemoryTrimSpecs
{
    [Fact]
    public async Task A_nudge_after_a_large_burst_of_allocation_trims()
    {
        MemoryTrim.Trim();
        var before = MemoryTrim.Trims;
        var garbage = 0L;
        for (var i = 0; i < 200; i++)
        {
            garbage += new byte[64 * 1024].Length;
        }

        MemoryTrim.Nudge();

        garbage.Should().BeGreaterThan(8 << 20);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (MemoryTrim.Trims == before)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
