namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>Reread decides "changed" with value equality of the group records.</summary>
public sealed class RereadEqualitySpecs
{
    [Fact]
    public void Loading_the_same_config_twice_gives_equal_groups()
    {
        using var temp = new TempConfig();
        const string body = "[program:a]\ncommand=x\nexitcodes=0,2\nenvironment=A=1\n[program:b]\ncommand=y\n";

        var first = temp.LoadWithHead(body).Config!;
        var second = temp.LoadWithHead(body).Config!;

        second.Groups.Should().Equal(first.Groups);
        (second.Groups[0] == first.Groups[0]).Should().BeTrue();
        second.Should().Be(first);
    }

    [Fact]
    public void A_changed_option_makes_only_that_group_unequal()
    {
        using var temp = new TempConfig();
        var before = temp.LoadWithHead("[program:a]\ncommand=x\n[program:b]\ncommand=y\n").Config!;
        var after = temp.LoadWithHead("[program:a]\ncommand=x\n[program:b]\ncommand=y\nexitcodes=0,1\n").Config!;

        (after.Groups[0] == before.Groups[0]).Should().BeTrue();
        (after.Groups[1] != before.Groups[1]).Should().BeTrue();
    }

    [Fact]
    public void Moving_a_program_to_another_line_or_file_is_not_a_change()
    {
        using var temp = new TempConfig();
        var before = temp.LoadWithHead("[program:a]\ncommand=x\n").Config!;
        temp.Write("conf.d/a.conf", "\n\n[program:a]\ncommand=x\n");
        var after = temp.LoadWithHead("[include]\nfiles=conf.d/*.conf\n").Config!;

        after.Groups.Should().Equal(before.Groups);
    }
}
