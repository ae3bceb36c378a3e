using System.Runtime.CompilerServices;
using System.Text;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>
/// The replies Supervisor 4.2.5 sent (tests/Integration.Tests/Wire/Fixtures/4.2.5, made by record.py there): each
/// XML-RPC body, read back into values, is written again byte for byte; where 4.2.5 put a raw control character into
/// the XML, ours is the same document with U+FFFD in its place. Each recorded request body is read as well.
/// </summary>
public sealed class RecordedReplySpecs
{
    private static string Folder([CallerFilePath] string source = "") =>
        Path.GetFullPath(
            Path.Combine(
                Path.GetDirectoryName(source)!,
                "..",
                "..",
                "..",
                "Integration.Tests",
                "Wire",
                "Fixtures",
                "4.2.5"
            )
        );

    public static TheoryData<string> XmlReplies() =>
        [
            .. Directory
                .GetFiles(Folder(), "*.response")
                .Select(path => Path.GetFileName(path))
                .Order(StringComparer.Ordinal)
                .Where(name =>
                    File.ReadAllText(Path.Combine(Folder(), name))
                        .Contains("Content-Type: text/xml\r\n", StringComparison.Ordinal)
                ),
        ];

    public static TheoryData<string> RpcRequests() =>
        [
            .. Directory
                .GetFiles(Folder(), "*.request.xml")
                .Select(path => Path.GetFileName(path))
                .Order(StringComparer.Ordinal)
                .Where(name =>
                    !name.StartsWith("http.", StringComparison.Ordinal)
                    && !name.StartsWith("auth.", StringComparison.Ordinal)
                ),
        ];

    [Fact]
    public void The_recordings_are_there()
    {
        XmlReplies().Count.Should().BeGreaterThan(90);
        RpcRequests().Count.Should().BeGreaterThan(90);
    }

    [Theory]
    [MemberData(nameof(XmlReplies))]
    public void Writer_reproduces_the_recorded_reply(string file)
    {
        var response = File.ReadAllText(Path.Combine(Folder(), file), Encoding.UTF8);
        var expected = XmlText.Sanitize(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        var isFault = expected.Contains("<fault>", StringComparison.Ordinal);
        var asCall = expected
            .Replace(
                "<methodResponse>",
                "<methodCall><methodName>recorded.reply</methodName>",
                StringComparison.Ordinal
            )
            .Replace("</methodResponse>", "</methodCall>", StringComparison.Ordinal)
            .Replace("<fault>", "<params><param>", StringComparison.Ordinal)
            .Replace("</fault>", "</param></params>", StringComparison.Ordinal);
        var value = XmlRpcRequestReader.Parse(Encoding.UTF8.GetBytes(asCall)).Params.Single();

        var written = isFault
            ? XmlRpcResponseWriter.Fault(
                ((XmlRpcInt)((XmlRpcStruct)value)["faultCode"]!).Value,
                ((XmlRpcString)((XmlRpcStruct)value)["faultString"]!).Value
            )
            : XmlRpcResponseWriter.Response(value);

        Encoding.UTF8.GetString(written).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(RpcRequests))]
    public void Reader_reads_the_recorded_request(string file)
    {
        var call = XmlRpcRequestReader.Parse(File.ReadAllBytes(Path.Combine(Folder(), file)));

        call.MethodName.Should().NotBeEmpty();
    }

    [Fact]
    public void Where_supervisor_sent_a_raw_escape_ours_is_a_replacement_character()
    {
        var recorded = File.ReadAllText(
            Path.Combine(Folder(), "supervisor.readProcessStdoutLog.ansi.response"),
            Encoding.UTF8
        );

        recorded.Should().Contain("<value><string>\u001b[31mred\u001b[0m\n</string></value>");
        Encoding
            .UTF8.GetString(XmlRpcResponseWriter.Response("\u001b[31mred\u001b[0m\n"))
            .Should()
            .Contain("<value><string>\uFFFD[31mred\uFFFD[0m\n</string></value>");
    }
}
