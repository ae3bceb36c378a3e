using Supervise.Python;
using Supervise.Supervisord.Configuration.Binding;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>Expected values were produced by Supervisor's own expand() (Python 3.11).</summary>
public sealed class ExpanderSpecs
{
    private static readonly Dictionary<string, object> Names = new() { ["a"] = "xyz", ["n"] = 7 };

    [Theory]
    [InlineData("%(a)s", "xyz")]
    [InlineData("%(n)02d", "07")]
    [InlineData("%(n)-4d|", "7   |")]
    [InlineData("%(n)x", "7")]
    [InlineData("%%", "%")]
    [InlineData("100%%", "100%")]
    [InlineData("%(n)+d", "+7")]
    [InlineData("%(a).2s", "xy")]
    [InlineData("%(a)r", "'xyz'")]
    [InlineData("%(n)e", "7.000000e+00")]
    [InlineData("%(n).2f", "7.00")]
    [InlineData("%(n)#o", "0o7")]
    [InlineData("%(n)#x", "0x7")]
    [InlineData("%(a)5s|", "  xyz|")]
    [InlineData("%(n)s-%(a)s", "7-xyz")]
    [InlineData("no percent", "no percent")]
    public void Expansion_formats_like_python(string format, string expected)
    {
        PyPercent.Expand(format, Names, "sec.opt", out var error).Should().Be(expected);
        error.Should().BeNull();
    }

    [Theory]
    [InlineData(
        "%(a)05d",
        "Format string '%(a)05d' for 'sec.opt' is badly formatted: %d format: a real number is required, not str"
    )]
    [InlineData("100%", "Format string '100%' for 'sec.opt' is badly formatted: incomplete format")]
    [InlineData("%(a", "Format string '%(a' for 'sec.opt' is badly formatted: incomplete format key")]
    [InlineData(
        "%(a)z",
        "Format string '%(a)z' for 'sec.opt' is badly formatted: unsupported format character 'z' (0x7a) at index 4"
    )]
    [InlineData(
        "%(missing)s",
        "Format string '%(missing)s' for 'sec.opt' contains names ('missing') which cannot be expanded. Available names: a, n"
    )]
    [InlineData("%(a)c", "Format string '%(a)c' for 'sec.opt' is badly formatted: %c requires int or char")]
    public void Expansion_errors_use_supervisors_texts(string format, string message)
    {
        PyPercent.Expand(format, Names, "sec.opt", out var error).Should().BeNull();
        error.Should().Be(message);
    }

    [Fact]
    public void Unnamed_conversion_is_refused_instead_of_printing_the_expansion_table()
    {
        PyPercent.Expand("date +%s", Names, "sec.opt", out var error).Should().BeNull();
        error.Should().StartWith("Format string 'date +%s' for 'sec.opt' is badly formatted");
    }

    [Fact]
    public void Available_names_are_listed_in_code_point_order()
    {
        var names = new Dictionary<string, object>
        {
            ["here"] = "/x",
            ["ENV_B"] = "b",
            ["ENV_A"] = "a",
            ["program_name"] = "p",
        };

        PyPercent.Expand("%(nope)s", names, "program:p.command", out var error);

        error.Should().EndWith("Available names: ENV_A, ENV_B, here, program_name");
    }
}
