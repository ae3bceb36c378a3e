namespace Supervise.Supervisord.Tests.Support;

/// <summary>The shared skip attributes: a spec whose needs are missing must show as skipped, with the reason.</summary>
public sealed class RequirementsSpecs
{
    [Fact]
    public void A_missing_tool_becomes_the_skip_reason()
    {
        new ToolFactAttribute("/bin/sh", "no-such-tool-for-supervise")
            .Skip.Should()
            .Be("needs no-such-tool-for-supervise, not found on this machine");
    }

    [Fact]
    public void Tools_found_on_path_or_by_absolute_path_leave_the_spec_to_run()
    {
        new ToolTheoryAttribute("sh", "/bin/sh").Skip.Should().BeNull();
        Requirements.Find("sh").Should().NotBeNull().And.EndWith("/sh");
    }

    [Fact]
    public void A_root_spec_runs_exactly_when_the_effective_uid_is_0()
    {
        var uid = int.Parse(
            File.ReadAllLines("/proc/self/status")
                .Single(l => l.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries)[2],
            System.Globalization.CultureInfo.InvariantCulture
        );

        new RootFactAttribute().Skip.Should().Be(uid == 0 ? null : "needs root");
    }
}
