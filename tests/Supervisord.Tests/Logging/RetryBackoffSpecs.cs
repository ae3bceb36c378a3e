using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class RetryBackoffSpecs
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void The_first_retry_waits_100_ms_and_each_failed_retry_doubles_the_wait_up_to_2_s()
    {
        var backoff = new RetryBackoff(_time);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            backoff.Failed();
            waits.Add(backoff.Delay);
        }

        waits.Select(w => w.TotalMilliseconds).Should().Equal(100, 200, 400, 800, 1600, 2000, 2000);
    }

    [Fact]
    public void A_retry_is_due_only_once_its_wait_has_passed()
    {
        var backoff = new RetryBackoff(_time);
        backoff.Due.Should().BeFalse("nothing failed");
        backoff.Failed();

        _time.Advance(TimeSpan.FromMilliseconds(99));
        backoff.Due.Should().BeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        backoff.Due.Should().BeTrue();
    }

    [Fact]
    public void A_reset_starts_the_next_failure_at_100_ms_again()
    {
        var backoff = new RetryBackoff(_time);
        backoff.Failed();
        backoff.Failed();

        backoff.Reset();
        backoff.Failed();

        backoff.Delay.Should().Be(TimeSpan.FromMilliseconds(100));
    }
}
