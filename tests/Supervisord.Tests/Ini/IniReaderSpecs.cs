using Supervise.Ini;

namespace Supervise.Supervisord.Tests.Ini;

/// <summary>The line rules of Python's RawConfigParser as Supervisor configures it (expectations from Python 3.11).</summary>
public sealed class IniReaderSpecs
{
    private static IniSection Only(string text) =>
        IniDocument.Parse(text, "t.conf").Sections.Should().ContainSingle().Subject;

    [Fact]
    public void Inline_comments_need_whitespace_before_them_and_quotes_do_not_protect()
    {
        var section = Only("[s]\na=bash -c 'foo ; bar'\nb=b;c\nc=x #y\nd=x\t;z\n");

        section.Get("a").Should().Be("bash -c 'foo");
        section.Get("b").Should().Be("b;c");
        section.Get("c").Should().Be("x");
        section.Get("d").Should().Be("x");
    }

    [Fact]
    public void Keys_are_lower_cased_and_split_at_the_first_separator()
    {
        var section = Only("[s]\nKey = a = b\nx: y: z\n");

        section.Entries.Select(e => (e.Key, e.Value)).Should().Equal(("key", "a = b"), ("x", "y: z"));
    }

    [Fact]
    public void Continuation_lines_keep_inner_blank_lines_and_drop_trailing_ones()
    {
        var section = Only("[s]\nk=first\n  second\n\n  third\n\n\nz=1\n");

        section.Get("k").Should().Be("first\nsecond\n\nthird");
        section.Entry("z")!.Line.Should().Be(8);
    }

    [Fact]
    public void A_comment_line_inside_a_value_is_skipped()
    {
        Only("[s]\nk=a\n; note\n  b\n").Get("k").Should().Be("a\nb");
    }

    [Fact]
    public void A_junk_line_is_reported_and_does_not_end_the_option_before_it()
    {
        var document = IniDocument.Parse("[s]\nk=a\njunk\n  b\n", "t.conf");

        document
            .Errors.Should()
            .ContainSingle()
            .Which.Should()
            .Be(new IniError(3, "junk", "Source contains parsing errors"));
        document.Sections[0].Get("k").Should().Be("a\nb");
    }

    [Fact]
    public void Carriage_returns_end_lines_as_in_pythons_universal_newlines()
    {
        var section = Only("[s]\ra=1\r\nb=2\r");

        section.Entries.Select(e => (e.Key, e.Line)).Should().Equal(("a", 2), ("b", 3));
    }

    [Fact]
    public void Section_headers_end_at_the_last_bracket_and_ignore_what_follows()
    {
        var document = IniDocument.Parse("[a]b] trailing\nk=1\n", "t.conf");

        document.Sections.Should().ContainSingle().Which.Name.Should().Be("a]b");
    }

    [Fact]
    public void Lines_before_any_section_are_errors()
    {
        IniDocument
            .Parse("k=1\n[s]\n", "t.conf")
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be("File contains no section headers.");
    }

    [Fact]
    public void Duplicate_sections_and_keys_are_kept_and_the_last_value_wins()
    {
        var document = IniDocument.Parse("[s]\nk=1\n[s]\nk=2\n", "t.conf");

        document.Sections.Should().HaveCount(2);
        document.Get("s", "k").Should().Be("2");
    }
}
