using System.Text;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>
/// The writer against Python 3.11's <c>xmlrpc.client.dumps</c>: 600 random values (nested arrays and structs,
/// int32 extremes, doubles from random bit patterns, astral and markup characters, base64 across line breaks) and 60
/// faults, whose bytes Data/generate.py recorded; plus what Supervisor cannot send (control characters, None).
/// </summary>
public sealed class XmlRpcResponseWriterSpecs
{
    private static readonly Lazy<System.Text.Json.JsonElement> Cases = new(() => PythonValues.Load("writer.json"));

    public static TheoryData<int> Indexes() => [.. Enumerable.Range(0, Cases.Value.GetArrayLength())];

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Writer_bytes_equal_pythons_dumps(int index)
    {
        var expected = Cases.Value[index];
        var bytes = expected.TryGetProperty("fault", out var fault)
            ? XmlRpcResponseWriter.Fault(fault[0].GetInt32(), fault[1].GetString()!)
            : XmlRpcResponseWriter.Response(PythonValues.FromJson(expected.GetProperty("value")));

        Encoding.UTF8.GetString(bytes).Should().Be(expected.GetProperty("xml").GetString());
    }

    [Fact]
    public void Get_version_reply_is_supervisors_bytes()
    {
        XmlRpcResponseWriter
            .Response("3.0")
            .Should()
            .Equal(
                "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><string>3.0</string></value>\n</param>\n</params>\n</methodResponse>\n"u8.ToArray()
            );
    }

    [Fact]
    public void Fault_reply_is_supervisors_bytes()
    {
        Encoding
            .UTF8.GetString(XmlRpcResponseWriter.Fault(10, "BAD_NAME: nope"))
            .Should()
            .Be(
                "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n"
                    + "<value><int>10</int></value>\n</member>\n<member>\n<name>faultString</name>\n"
                    + "<value><string>BAD_NAME: nope</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n"
            );
    }

    // MemberData, not InlineData: attribute strings are stored as UTF-8 and cannot carry a lone surrogate.
    public static TheoryData<string, string> Unsafe() =>
        new()
        {
            { "\u001b[31mred\u001b[0m", "\uFFFD[31mred\uFFFD[0m" },
            { "a\u0000b\u0008c\u000bd\u000ce\u001f", "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD" },
            { "tab\tlf\ncr\r", "tab\tlf\ncr\r" },
            { "\uFFFE\uFFFF", "\uFFFD\uFFFD" },
            { "lone \uD800 high", "lone \uFFFD high" },
            { "lone \uDC00 low", "lone \uFFFD low" },
            { "end \uD83D", "end \uFFFD" },
            { "pair \uD83D\uDE00 ok", "pair \uD83D\uDE00 ok" },
            { "&<>\u001b\"'", "&amp;&lt;&gt;\uFFFD\"'" },
        };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Text_xml_cannot_carry_is_written_as_the_replacement_character(string text, string written)
    {
        var xml = Encoding.UTF8.GetString(XmlRpcResponseWriter.Response(new XmlRpcStruct([new(text, text)])));

        xml.Should().Contain($"<name>{written}</name>\n<value><string>{written}</string></value>");
    }

    [Fact]
    public void A_reply_with_control_characters_is_well_formed_xml()
    {
        var bytes = XmlRpcResponseWriter.Response(
            XmlText.DecodeLog("\u001b[31mred\u001b[0m\u0007"u8.ToArray().Concat(new byte[] { 0xff, 0xfe }).ToArray())
        );

        var document = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(bytes));
        document.Descendants("string").Single().Value.Should().Be("\uFFFD[31mred\uFFFD[0m\uFFFD\uFFFD\uFFFD");
    }

    [Fact]
    public void None_anywhere_cannot_be_marshalled_as_with_allow_none_off()
    {
        var act = () => XmlRpcResponseWriter.Response(new XmlRpcArray([1, XmlRpcNil.Instance]));

        act.Should().Throw<InvalidOperationException>().WithMessage("*allow_none*");
    }

    [Fact]
    public void A_reply_larger_than_the_first_buffer_is_complete()
    {
        var processes = Enumerable
            .Range(0, 1000)
            .Select(i =>
                (XmlRpcValue)
                    new XmlRpcStruct([
                        new("name", $"p{i}"),
                        new("group", "g"),
                        new("pid", i),
                        new("description", $"pid {i}, uptime 0:00:0{i % 10}"),
                    ])
            );

        var xml = Encoding.UTF8.GetString(XmlRpcResponseWriter.Response(new XmlRpcArray([.. processes])));

        xml.Should()
            .EndWith(
                "<value><string>pid 999, uptime 0:00:09</string></value>\n</member>\n</struct></value>\n</data></array></value>\n</param>\n</params>\n</methodResponse>\n"
            );
        xml.Split("<member>").Length.Should().Be(4001);
    }
}
