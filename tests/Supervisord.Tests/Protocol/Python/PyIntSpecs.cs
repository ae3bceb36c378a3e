using Supervise.Python;

namespace Supervise.Supervisord.Tests.Protocol.Python;

/// <summary>Expectations from Python 3.11's int(text) and int(text, 8).</summary>
public sealed class PyIntSpecs
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("  -7\t\n", -7L)]
    [InlineData("+5", 5L)]
    [InlineData("1_000", 1000L)]
    [InlineData("007", 7L)]
    [InlineData(" \u0663 ", 3L)]
    [InlineData("\u00855\u00a0", 5L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Int_accepts_what_python_accepts(string text, long expected)
    {
        PyInt.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+-5")]
    [InlineData("--5")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("1.0")]
    [InlineData("0x10")]
    [InlineData("\u001c5")]
    [InlineData("\u200b5")]
    [InlineData("9223372036854775808")]
    public void Int_rejects_what_python_rejects_or_long_cannot_hold(string text)
    {
        PyInt.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("755", 493L)]
    [InlineData("0o17", 15L)]
    [InlineData("-0O_17", -15L)]
    [InlineData("\u0663", 3L)]
    public void Int_in_base_8_takes_the_0o_prefix(string text, long expected)
    {
        PyInt.TryParse(text, 8, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("0o")]
    [InlineData("0o_")]
    [InlineData("0o__1")]
    public void Int_in_base_8_rejects_other_digits_and_a_bare_prefix(string text)
    {
        PyInt.TryParse(text, 8, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("2147483647", true)]
    [InlineData("-2147483648", true)]
    [InlineData("2147483648", false)]
    [InlineData("-2147483649", false)]
    public void Int32_is_int_limited_to_what_xml_rpc_carries(string text, bool fits)
    {
        PyInt.TryParseInt32(text, out _).Should().Be(fits);
    }
}
