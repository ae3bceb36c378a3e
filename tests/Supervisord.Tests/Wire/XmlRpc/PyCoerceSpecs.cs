using System.Text;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>Python's int(), truth and str as Supervisor's rpcinterface applies them to loosely typed parameters.</summary>
public sealed class PyCoerceSpecs
{
    public static TheoryData<XmlRpcValue, int?> Ints() =>
        new()
        {
            { 5, 5 },
            { -1000, -1000 },
            { true, 1 },
            { false, 0 },
            { "-1000", -1000 },
            { " -1000 ", -1000 },
            { "+5", 5 },
            { "0", 0 },
            { "\t7\n", 7 },
            { "1_000", 1000 },
            { "\u0663", 3 },
            { "2147483647", int.MaxValue },
            { "-2147483648", int.MinValue },
            { "2147483648", null },
            { "99999999999999999999", null },
            { "", null },
            { " ", null },
            { "1.5", null },
            { "0x10", null },
            { "- 5", null },
            { "_1", null },
            { "1__0", null },
            { "1_", null },
            { "five", null },
            { new XmlRpcDouble(2.9), 2 },
            { new XmlRpcDouble(-2.9), -2 },
            { new XmlRpcDouble(double.NaN), null },
            { new XmlRpcBase64(Encoding.UTF8.GetBytes("42")), 42 },
            { XmlRpcNil.Instance, null },
            { new XmlRpcArray([]), null },
            { new XmlRpcStruct([]), null },
            { new XmlRpcDateTime("20240101T00:00:00"), null },
        };

    [Theory]
    [MemberData(nameof(Ints))]
    public void TryInt_converts_as_python_int_does(XmlRpcValue value, int? expected)
    {
        var converted = PyCoerce.TryInt(value, out var result);

        converted.Should().Be(expected.HasValue);
        if (expected.HasValue)
        {
            result.Should().Be(expected.Value);
        }
    }

    public static TheoryData<XmlRpcValue, bool> Truths() =>
        new()
        {
            { "0", true },
            { "1", true },
            { "false", true },
            { " ", true },
            { "", false },
            { 0, false },
            { 1, true },
            { -1, true },
            { true, true },
            { false, false },
            { new XmlRpcDouble(0.0), false },
            { new XmlRpcDouble(-0.0), false },
            { new XmlRpcDouble(double.NaN), true },
            { new XmlRpcArray([]), false },
            { new XmlRpcArray([false]), true },
            { new XmlRpcStruct([]), false },
            { new XmlRpcStruct([new("a", 0)]), true },
            { new XmlRpcBase64([]), false },
            { new XmlRpcBase64("0"u8.ToArray()), true },
            { new XmlRpcDateTime("20240101T00:00:00"), true },
            { XmlRpcNil.Instance, false },
        };

    [Theory]
    [MemberData(nameof(Truths))]
    public void Truthy_is_python_truth(XmlRpcValue value, bool expected)
    {
        PyCoerce.Truthy(value).Should().Be(expected);
    }

    [Fact]
    public void Text_is_the_str_of_a_string_or_base64_and_null_otherwise()
    {
        PyCoerce.Text("grp:a").Should().Be("grp:a");
        PyCoerce.Text(new XmlRpcBase64("caf\u00e9"u8.ToArray())).Should().Be("caf\u00e9");
        PyCoerce.Text(1).Should().BeNull();
        PyCoerce.Text(true).Should().BeNull();
        PyCoerce.Text(XmlRpcNil.Instance).Should().BeNull();
        PyCoerce.Text(new XmlRpcArray(["x"])).Should().BeNull();
    }
}
