using Supervise.Supervisord.Processes.Planning;

namespace Supervise.Supervisord.Tests.Processes.Planning;

/// <summary>The pure planner: Supervisor's priority order without dependencies, dependencies first with them.</summary>
public sealed class StartPlannerSpecs
{
    private static PlanNode Node(
        string id,
        int priority = 999,
        string? group = null,
        int? groupPriority = null,
        params string[] dependsOn
    ) => new(id, group ?? id, groupPriority ?? priority, priority, dependsOn);

    [Fact]
    public void Without_dependencies_a_start_follows_group_priority_then_priority_then_name()
    {
        var nodes = new[]
        {
            Node("c", 5),
            Node("a", 10),
            Node("b", 5),
            Node("g:x", 1, "g", 20),
            Node("g:y", 2, "g", 20),
        };

        StartPlanner
            .Start(nodes, nodes.Select(n => n.Id))
            .Select(s => s.Id)
            .Should()
            .Equal("b", "c", "a", "g:x", "g:y");
    }

    [Fact]
    public void A_start_pulls_in_what_it_depends_on_transitively_and_puts_it_first()
    {
        var nodes = new[]
        {
            Node("web", 1, dependsOn: "api"),
            Node("api", 2, dependsOn: "db"),
            Node("db", 900),
            Node("other", 1),
        };

        var plan = StartPlanner.Start(nodes, ["web"]);

        plan.Select(s => s.Id).Should().Equal("db", "api", "web");
        plan.Single(s => s.Id == "web").WaitFor.Should().Equal("api");
        plan.Single(s => s.Id == "db").WaitFor.Should().BeEmpty();
    }

    [Fact]
    public void Independent_processes_keep_their_priority_order_around_a_dependency()
    {
        var nodes = new[] { Node("web", 1, dependsOn: "db"), Node("cache", 2), Node("db", 3) };

        StartPlanner.Start(nodes, nodes.Select(n => n.Id)).Select(s => s.Id).Should().Equal("cache", "db", "web");
    }

    [Fact]
    public void A_stop_pulls_in_what_depends_on_it_and_stops_that_first()
    {
        var nodes = new[] { Node("web", dependsOn: "api"), Node("api", dependsOn: "db"), Node("db"), Node("other") };

        var plan = StartPlanner.Stop(nodes, ["db"]);

        plan.Select(s => s.Id).Should().Equal("web", "api", "db");
        plan.Single(s => s.Id == "db").WaitFor.Should().Equal("api");
    }

    [Fact]
    public void Without_dependencies_shutdown_stops_one_group_at_a_time_from_the_highest_priority_number()
    {
        var nodes = new[] { Node("a", 1), Node("b", 50), Node("g:x", 1, "g", 20), Node("g:y", 2, "g", 20) };

        StartPlanner
            .Shutdown(nodes)
            .Should()
            .BeEquivalentTo(
                new[] { new[] { "b" }, new[] { "g:x", "g:y" }, new[] { "a" } },
                o => o.WithStrictOrdering()
            );
    }

    [Fact]
    public void Shutdown_stops_dependents_before_their_dependencies_whatever_the_priorities()
    {
        // db has the highest priority number, so Supervisor would stop it first; web depends on it.
        var nodes = new[] { Node("web", 1, dependsOn: "db"), Node("db", 100), Node("cache", 50) };

        StartPlanner.Shutdown(nodes).Select(s => string.Join(",", s)).Should().Equal("cache", "web", "db");
    }

    [Fact]
    public void Shutdown_splits_a_group_whose_members_depend_on_each_other()
    {
        var nodes = new[] { Node("g:web", 1, "g", 10, "g:db"), Node("g:db", 2, "g", 10) };

        StartPlanner.Shutdown(nodes).Select(s => string.Join(",", s)).Should().Equal("g:web", "g:db");
    }

    [Fact]
    public void A_cycle_that_slipped_through_still_yields_every_process_once()
    {
        var nodes = new[] { Node("a", dependsOn: "b"), Node("b", dependsOn: "a") };

        StartPlanner.Start(nodes, ["a"]).Select(s => s.Id).Should().BeEquivalentTo("a", "b");
        StartPlanner.Shutdown(nodes).SelectMany(s => s).Should().BeEquivalentTo("a", "b");
    }
}
