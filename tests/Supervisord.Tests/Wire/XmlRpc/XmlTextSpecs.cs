using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>Log bytes made safe for XML 1.0 (Supervisor #85, #1293, #1485, #1611): decoded with replacement, then sanitized.</summary>
public sealed class XmlTextSpecs
{
    public static TheoryData<byte[], string> Logs() =>
        new()
        {
            { "plain\n"u8.ToArray(), "plain\n" },
            { "\u001b[31mred\u001b[0m\n"u8.ToArray(), "\uFFFD[31mred\uFFFD[0m\n" },
            { [0xff, 0xfe, (byte)'x'], "\uFFFD\uFFFDx" },
            { "caf\u00e9"u8.ToArray()[..4], "caf\uFFFD" },
            { "\u00e9t\u00e9"u8.ToArray()[1..], "\uFFFDt\u00e9" },
            { [0xf0, 0x9f, 0x98, 0x80], "\U0001F600" },
            { [0xed, 0xa0, 0x80], "\uFFFD\uFFFD\uFFFD" },
            { [0xef, 0xbf, 0xbe], "\uFFFD" },
            { [0x00, 0x09, 0x0a, 0x0d, 0x7f], "\uFFFD\t\n\r\u007f" },
            { [], "" },
        };

    [Theory]
    [MemberData(nameof(Logs))]
    public void DecodeLog_replaces_invalid_utf8_and_characters_xml_cannot_carry(byte[] bytes, string expected)
    {
        XmlText.DecodeLog(bytes).Should().Be(expected);
    }

    // MemberData, not InlineData: attribute strings are stored as UTF-8 and cannot carry a lone surrogate.
    public static TheoryData<string, string> Texts() =>
        new()
        {
            { "ok \u00e9 \U0001F600 \t\n\r", "ok \u00e9 \U0001F600 \t\n\r" },
            { "\u0001\u001f", "\uFFFD\uFFFD" },
            { "\uFFFE x \uFFFF", "\uFFFD x \uFFFD" },
            { "\uD800", "\uFFFD" },
            { "\uDC00\uD800", "\uFFFD\uFFFD" },
            { "a\uD83D\uDE00\uD83Db", "a\uD83D\uDE00\uFFFDb" },
            { "\uD83D\uD83D\uDE00", "\uFFFD\uD83D\uDE00" },
        };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Sanitize_replaces_each_character_xml_cannot_carry(string text, string expected)
    {
        XmlText.Sanitize(text).Should().Be(expected);
    }

    [Fact]
    public void Sanitize_returns_clean_text_itself()
    {
        var text = "nothing to replace \U0001F600";

        XmlText.Sanitize(text).Should().BeSameAs(text);
    }
}
