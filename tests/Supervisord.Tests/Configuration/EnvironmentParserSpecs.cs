using Supervise.Supervisord.Configuration.Binding;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>Expected values were produced by Supervisor 4.2.5's dict_of_key_value_pairs.</summary>
public sealed class EnvironmentParserSpecs
{
    [Theory]
    [InlineData("A=\"1\",B=\"two words\",C='x,y',D=plain", "A=1|B=two words|C=x,y|D=plain")]
    [InlineData("foo=bar,", "foo=bar")]
    [InlineData("A=x y", "A=x")]
    [InlineData("A=http://x:1/p?q=1", "A=http://x:1/p|q=1")]
    [InlineData("A=\"a\\\"b\"", "A=a\\")]
    [InlineData(" A = 1 , B = 2 ", "A=1|B=2")]
    [InlineData("A=\"multi\nline\"", "A=multi\nline")]
    [InlineData("", "")]
    [InlineData("A=1,A=2", "A=2")]
    public void Environment_is_parsed_like_supervisor_4_2_5(string text, string expected)
    {
        var parsed = EnvironmentParser.Parse(text);

        parsed.Error.Should().BeNull();
        string.Join("|", parsed.Value.Select(v => $"{v.Name}={v.Value}")).Should().Be(expected);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("foo=")]
    [InlineData("foo=bar,baz")]
    [InlineData("foo=bar,baz=")]
    [InlineData("A=café,B=2")]
    [InlineData("A=1#c\nB=2")]
    public void Incomplete_pairs_are_refused_with_supervisors_text(string text)
    {
        EnvironmentParser.Parse(text).Error.Should().Be($"Unexpected end of key/value pairs in value '{text}'");
    }

    [Fact]
    public void Unclosed_quote_is_refused()
    {
        EnvironmentParser.Parse("A=\"unclosed").Error.Should().Be("No closing quotation");
    }
}
