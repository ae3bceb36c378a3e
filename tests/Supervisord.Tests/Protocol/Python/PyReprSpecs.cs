using Supervise.Python;

namespace Supervise.Supervisord.Tests.Protocol.Python;

/// <summary>Expectations from Python 3.11's repr() of a str.</summary>
public sealed class PyReprSpecs
{
    [Theory]
    [InlineData("foo", "'foo'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a'b\"c", "'a\\'b\"c'")]
    [InlineData("tab\there\n", "'tab\\there\\n'")]
    [InlineData("back\\slash\r", "'back\\\\slash\\r'")]
    [InlineData("nul\0bell\a del\x7f", "'nul\\x00bell\\x07 del\\x7f'")]
    [InlineData("", "''")]
    [InlineData("é", "'é'")]
    public void Repr_quotes_and_escapes_as_python_does(string value, string expected)
    {
        PyRepr.Of(value).Should().Be(expected);
    }
}
