namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>No input makes the loader throw; each problem is a diagnostic.</summary>
public sealed class MalformedInputSpecs
{
    [Fact]
    public void A_missing_file_is_an_error()
    {
        using var temp = new TempConfig();
        temp.Load("nope.conf")
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be($"could not find config file {temp.Dir}/nope.conf");
    }

    [Fact]
    public void A_directory_is_an_error()
    {
        using var temp = new TempConfig();
        Directory.CreateDirectory(Path.Combine(temp.Dir, "d.conf"));
        temp.Load("d.conf")
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .StartWith("could not read config file");
    }

    [Fact]
    public void Binary_junk_is_reported()
    {
        using var temp = new TempConfig();
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        File.WriteAllBytes(Path.Combine(temp.Dir, "junk.conf"), junk);

        var result = temp.Load("junk.conf");

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void Valid_utf8_junk_lines_are_each_reported_with_their_line()
    {
        using var temp = new TempConfig();
        temp.Write(
            "c.conf",
            "junk before any section\n[supervisord]\n\u0001\u0002 noise\n[program:x]\ncommand=x\nthis line has no equals sign\n"
        );

        var errors = temp.Load("c.conf").Errors;

        errors.Select(e => e.Line).Should().Equal(1, 3, 6);
        errors[0].Message.Should().StartWith("File contains no section headers.");
        errors[2].Section.Should().Be("program:x");
    }

    [Fact]
    public void A_ten_megabyte_line_is_handled()
    {
        using var temp = new TempConfig();
        temp.Write("c.conf", TempConfig.Head + "[program:x]\ncommand=" + new string('a', 10 * 1024 * 1024) + "\n");

        var result = temp.Load("c.conf");

        result.Succeeded.Should().BeTrue();
        result.Config!.Groups[0].Processes[0].Command.Length.Should().Be(10 * 1024 * 1024);
    }

    [Fact]
    public void Unclosed_quotes_in_environment_are_an_error()
    {
        using var temp = new TempConfig();
        temp.LoadWithHead("[program:x]\ncommand=x\nenvironment=A=\"open\n")
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be("No closing quotation");
    }

    [Fact]
    public void Empty_file_lacks_the_supervisord_section()
    {
        using var temp = new TempConfig();
        temp.Write("c.conf", "");
        temp.Load("c.conf")
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be(".ini file does not include supervisord section");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_ignored()
    {
        using var temp = new TempConfig();
        temp.Write("c.conf", "\uFEFF" + TempConfig.Head);
        temp.Load("c.conf").Succeeded.Should().BeTrue();
    }
}
