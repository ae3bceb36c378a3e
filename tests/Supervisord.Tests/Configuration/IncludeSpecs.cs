namespace Supervise.Supervisord.Tests.Configuration;

public sealed class IncludeSpecs
{
    [Fact]
    public void Include_globs_are_relative_to_the_main_file_and_read_in_sorted_order()
    {
        using var temp = new TempConfig();
        temp.Write("conf.d/b.conf", "[program:b]\ncommand=x\n");
        temp.Write("conf.d/a.conf", "[program:a]\ncommand=x\n");
        temp.Write("conf.d/ignored.txt", "[program:c]\ncommand=x\n");
        temp.Write("extra/x.ini", "[program:x]\ncommand=x\n");

        var result = temp.LoadWithHead("[include]\nfiles=conf.d/*.conf\n    extra/*.ini\n");

        result.Config!.Groups.Select(g => g.Name).Should().Equal("a", "b", "x");
        result
            .Notices.Should()
            .Equal(
                $"Included extra file \"{temp.Dir}/conf.d/a.conf\" during parsing",
                $"Included extra file \"{temp.Dir}/conf.d/b.conf\" during parsing",
                $"Included extra file \"{temp.Dir}/extra/x.ini\" during parsing"
            );
    }

    [Fact]
    public void A_pattern_that_matches_nothing_is_a_warning()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead("[include]\nfiles=./nonexistent/*\n");

        result.Succeeded.Should().BeTrue();
        result
            .Warnings.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be($"No file matches via include \"{temp.Dir}/./nonexistent/*\"");
    }

    [Fact]
    public void Here_means_the_folder_of_the_file_the_line_came_from()
    {
        using var temp = new TempConfig();
        temp.Write("sub/p.conf", "[program:p]\ncommand=%(here)s/run\ndirectory=%(here)s\n");

        var process = temp.LoadWithHead("[include]\nfiles=sub/*.conf\n").Config!.Groups[0].Processes[0];

        process.Command.Should().Be($"{temp.Dir}/sub/run");
        process.Directory.Should().Be($"{temp.Dir}/sub");
    }

    [Fact]
    public void Includes_are_not_recursive_and_a_nested_include_is_warned_about()
    {
        using var temp = new TempConfig();
        temp.Write("one/a.conf", "[include]\nfiles=../two/*.conf\n[program:a]\ncommand=x\n");
        temp.Write("two/b.conf", "[program:b]\ncommand=x\n");

        var result = temp.LoadWithHead("[include]\nfiles=one/*.conf\n");

        result.Config!.Groups.Select(g => g.Name).Should().Equal("a");
        result
            .Warnings.Should()
            .Contain(w => w.File == $"{temp.Dir}/one/a.conf" && w.Message.Contains("not recursive"));
    }

    [Fact]
    public void Including_the_main_file_again_through_a_glob_does_not_loop()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead("[include]\nfiles=*.conf\n[program:p]\ncommand=x\n");

        result.Succeeded.Should().BeTrue();
        result.Config!.Groups.Should().ContainSingle();
    }

    [Fact]
    public void Included_sections_merge_with_existing_ones()
    {
        using var temp = new TempConfig();
        temp.Write("more.conf", "[program:p]\nautostart=false\n");

        var process = temp.LoadWithHead("[include]\nfiles=more.conf\n[program:p]\ncommand=x\n")
            .Config!.Groups[0]
            .Processes[0];

        process.Autostart.Should().BeFalse();
        process.Command.Should().Be("x");
    }

    [Fact]
    public void Errors_in_an_included_file_name_that_file()
    {
        using var temp = new TempConfig();
        temp.Write("conf.d/cat.conf", "[program:cat]\ncommand=cat\nstopsignal=NOTASIGNAL\n");

        var error = temp.LoadWithHead("[include]\nfiles=conf.d/*.conf\n").Errors.Should().ContainSingle().Subject;

        error
            .ToString()
            .Should()
            .Be(
                $"{temp.Dir}/conf.d/cat.conf:3 [program:cat] stopsignal: value 'NOTASIGNAL' is not a valid signal name"
            );
    }

    [Fact]
    public void Include_patterns_expand_env_and_host_node_name()
    {
        using var temp = new TempConfig();
        temp.Write("tv/p.conf", "[program:p]\ncommand=x\n");

        var result = temp.LoadWithHead("[include]\nfiles=%(ENV_TESTVAR)s/*.conf\n");

        result.Config!.Groups.Should().ContainSingle();
    }

    [Fact]
    public void Glob_character_classes_and_hidden_files_follow_python()
    {
        using var temp = new TempConfig();
        temp.Write("d/a1.conf", "[program:a1]\ncommand=x\n");
        temp.Write("d/b1.conf", "[program:b1]\ncommand=x\n");
        temp.Write("d/.hidden.conf", "[program:hidden]\ncommand=x\n");

        var result = temp.LoadWithHead("[include]\nfiles=d/[!b]?.conf d/*\n");

        result.Config!.Groups.Select(g => g.Name).Should().Equal("a1", "b1");
    }

    [Fact]
    public void An_unreadable_match_is_an_error_not_an_exception()
    {
        using var temp = new TempConfig();
        temp.Write("bin.conf", "");
        File.WriteAllBytes(Path.Combine(temp.Dir, "bin.conf"), [0xff, 0xfe, 0x00, 0xc3]);

        var result = temp.LoadWithHead("[include]\nfiles=bin.conf\n");

        result
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .StartWith($"could not read config file {temp.Dir}/bin.conf");
    }
}
