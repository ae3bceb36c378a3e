using Supervise.Python;

namespace Supervise.Supervisord.Tests.Protocol.Python;

/// <summary>Expectations from Python 3.11's float(text), for the forms Supervise reads.</summary>
public sealed class PyFloatSpecs
{
    [Theory]
    [InlineData(" 1.5 ", 1.5)]
    [InlineData("-2e3", -2000.0)]
    [InlineData("\u00851\u00a0", 1.0)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("inf", double.PositiveInfinity)]
    public void Float_accepts_what_python_accepts(string text, double expected)
    {
        PyFloat.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,5")]
    [InlineData("\u001c1")]
    [InlineData("Infinityx")]
    public void Float_rejects_what_python_rejects(string text)
    {
        PyFloat.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Float_reads_nan()
    {
        PyFloat.TryParse("-nan", out var value).Should().BeTrue();
        double.IsNaN(value).Should().BeTrue();
    }
}
