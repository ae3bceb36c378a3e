using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Supervise.Ini;

namespace Supervise.Supervisord.Tests.Ini;

public sealed class IniRoundTripSpecs
{
    /// <summary>Texts dense in INI syntax: brackets, separators, comment marks, indentation, odd whitespace, line ends.</summary>
    private static Arbitrary<string> IniTexts()
    {
        var fragments = Gen.Elements(
            "[",
            "]",
            "=",
            ":",
            ";",
            "#",
            " ",
            "  ",
            "\t",
            "\n",
            "\n",
            "\n",
            "\r\n",
            "\r",
            "a",
            "b",
            "Key",
            "x y",
            "[sec]",
            "[DEFAULT]",
            "\n  ",
            "\n[s]\n",
            "é",
            "\u00a0",
            "\u001c",
            "%(here)s",
            "\"",
            "'"
        );
        return fragments.ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();
    }

    private static List<string> Project(IniDocument document) =>
        [.. document.Sections.Select(s => $"[{s.Name}]" + string.Concat(s.Entries.Select(e => $"|{e.Key}={e.Value}")))];

    [Property(MaxTest = 500)]
    public Property Parse_format_parse_gives_the_same_document() =>
        Prop.ForAll(
            IniTexts(),
            text =>
            {
                var first = IniDocument.Parse(text, "t.conf");
                var again = IniDocument.Parse(first.Format(), "t.conf");
                return again.Errors.Count == 0 && Project(again).SequenceEqual(Project(first));
            }
        );

    [Fact]
    public void Format_keeps_a_value_that_starts_with_a_comment_mark()
    {
        var document = IniDocument.Parse("[s]\nk=;x\nm=#y\n  more\n", "t.conf");

        Project(IniDocument.Parse(document.Format(), "t.conf")).Should().Equal("[s]|k=;x|m=#y\nmore");
    }
}
