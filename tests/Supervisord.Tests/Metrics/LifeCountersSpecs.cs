using Supervise.Supervisord.Events;
using Supervise.Supervisord.Metrics;

namespace Supervise.Supervisord.Tests.Metrics;

/// <summary>Spawns, exits, backoffs and fatals counted from the typed event stream.</summary>
public sealed class LifeCountersSpecs
{
    [Fact]
    public void State_changes_move_the_counter_of_the_state_entered()
    {
        using var hub = new EventHub(TimeProvider.System);
        var life = new LifeCounters();
        using var _ = hub.Subscribe(life);

        foreach (
            var (to, expected) in new[]
            {
                ("STARTING", false),
                ("BACKOFF", false),
                ("STARTING", false),
                ("RUNNING", false),
                ("EXITED", false),
                ("STARTING", false),
                ("RUNNING", false),
                ("EXITED", true),
                ("FATAL", false),
            }
        )
        {
            hub.Publish(new ProcessStateChanged("web", "grp", "X", to, 10, 0, expected));
        }

        var counters = life.Of("grp", "web")!;
        counters.Spawns.Should().Be(3);
        counters.Backoffs.Should().Be(1);
        counters.UnexpectedExits.Should().Be(1);
        counters.ExpectedExits.Should().Be(1);
        counters.Fatals.Should().Be(1);
        life.Of("grp", "other").Should().BeNull();
    }

    [Fact]
    public void A_removed_group_loses_its_counters_and_other_groups_keep_theirs()
    {
        var life = new LifeCounters();
        life.Deliver(Published(new ProcessStateChanged("a", "one", "STOPPED", "STARTING", 1, 0, false)));
        life.Deliver(Published(new ProcessStateChanged("b", "two", "STOPPED", "STARTING", 2, 0, false)));

        life.Deliver(Published(new ProcessGroupRemoved("one")));

        life.Of("one", "a").Should().BeNull();
        life.Of("two", "b")!.Spawns.Should().Be(1);
    }

    private static PublishedEvent Published(SupervisorEvent e) => new(-1, DateTimeOffset.UnixEpoch, e);
}
