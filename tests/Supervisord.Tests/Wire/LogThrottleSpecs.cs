using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Tests.Wire;

public sealed class LogThrottleSpecs
{
    [Fact]
    public void At_most_five_lines_a_second_go_out_and_the_next_one_says_how_many_were_held_back()
    {
        var clock = new FakeTimeProvider();
        var throttle = new LogThrottle(clock);

        var first = Enumerable.Range(0, 1000).Select(_ => throttle.TryTake()).ToList();
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = throttle.TryTake();

        first.Count(t => t.Allowed).Should().Be(LogThrottle.PerSecond);
        throttle.Suppressed.Should().Be(1000 - LogThrottle.PerSecond);
        after.Should().Be((true, 1000 - LogThrottle.PerSecond));
    }
}
