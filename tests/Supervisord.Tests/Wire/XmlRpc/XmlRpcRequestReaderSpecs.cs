using System.Text;
using System.Text.Json;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>
/// The reader against Supervisor 4.2.5's own <c>supervisor_xmlrpc_handler.loads</c>: 300 bodies from
/// <c>xmlrpc.client.dumps</c> of random params and about 100 hand-written lenient and malformed forms, with what
/// loads returned or that it raised (a 400), recorded by Data/generate.py.
/// </summary>
public sealed class XmlRpcRequestReaderSpecs
{
    private static readonly Lazy<JsonElement> Cases = new(() => PythonValues.Load("reader.json"));

    public static TheoryData<int> Indexes() => [.. Enumerable.Range(0, Cases.Value.GetArrayLength())];

    private static XmlRpcCall Parse(string body) => XmlRpcRequestReader.Parse(Encoding.UTF8.GetBytes(body));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Reader_agrees_with_supervisors_loads(int index)
    {
        var body = Cases.Value[index].GetProperty("body").GetString()!;
        var expected = Cases.Value[index].GetProperty("expected");
        var act = () => Parse(body);

        // Python's int is unbounded; ours refuses an <int> beyond int32 (a 400), which no Supervisor method could use.
        if (
            expected.TryGetProperty("error", out _)
            || expected.GetProperty("method").ValueKind == JsonValueKind.Null
            || HasInt64(expected.GetProperty("params"))
        )
        {
            act.Should().Throw<XmlRpcParseException>(body);
            return;
        }
        var call = act();
        call.MethodName.Should().Be(expected.GetProperty("method").GetString());
        call.Params.Select(PythonValues.Canonical)
            .Should()
            .Equal(expected.GetProperty("params").EnumerateArray().Select(PythonValues.Canonical), body);
    }

    private static bool HasInt64(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Any(HasInt64),
            JsonValueKind.Object => element
                .EnumerateObject()
                .Any(p => p.Name == "int" ? !p.Value.TryGetInt32(out _) : HasInt64(p.Value)),
            _ => false,
        };

    [Fact]
    public void Every_type_is_read()
    {
        var call = Parse(
            "<methodCall><methodName>a.b</methodName><params>"
                + "<param><value><int>1</int></value></param><param><value><i4>-2</i4></value></param>"
                + "<param><value><boolean>1</boolean></value></param><param><value><string>s</string></value></param>"
                + "<param><value><double>2.5</double></value></param><param><value><base64>aGk=</base64></value></param>"
                + "<param><value><dateTime.iso8601>20240131T12:00:00</dateTime.iso8601></value></param>"
                + "<param><value><array><data><value><int>3</int></value></data></array></value></param>"
                + "<param><value><struct><member><name>k</name><value><string>v</string></value></member></struct></value></param>"
                + "<param><value><nil/></value></param><param><value>untyped</value></param><param><value><i8>5</i8></value></param>"
                + "</params></methodCall>"
        );

        call.Should()
            .Be(
                new XmlRpcCall(
                    "a.b",
                    [
                        new XmlRpcInt(1),
                        new XmlRpcInt(-2),
                        XmlRpcBool.True,
                        new XmlRpcString("s"),
                        new XmlRpcDouble(2.5),
                        new XmlRpcBase64("hi"u8.ToArray()),
                        new XmlRpcDateTime("20240131T12:00:00"),
                        new XmlRpcArray([3]),
                        new XmlRpcStruct([new("k", "v")]),
                        XmlRpcNil.Instance,
                        new XmlRpcString("untyped"),
                        new XmlRpcString("5"),
                    ]
                )
            );
    }

    [Fact]
    public void A_call_without_params_has_none()
    {
        Parse("<methodCall><methodName>supervisor.getState</methodName></methodCall>")
            .Should()
            .Be(new XmlRpcCall("supervisor.getState", []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<methodCall/>")]
    [InlineData("<methodCall><methodName></methodName></methodCall>")]
    [InlineData("<methodCall><methodName>a.b</methodName>")]
    [InlineData(
        "<methodCall><methodName>a.b</methodName><params><param><value><int>2147483648</int></value></param></params></methodCall>"
    )]
    public void A_body_supervisor_answers_400_for_is_refused(string body)
    {
        var act = () => Parse(body);

        act.Should().Throw<XmlRpcParseException>();
    }

    [Fact]
    public void Invalid_utf8_in_the_body_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(
            "<methodCall><methodName>a.b</methodName><params><param><value>x</value></param></params></methodCall>"
        );
        body[body.Length - 40] = 0xff;

        var act = () => XmlRpcRequestReader.Parse(body);

        act.Should().Throw<XmlRpcParseException>();
    }

    [Fact]
    public void A_base64_param_that_is_not_utf8_text_is_refused_as_supervisor_cannot_make_it_a_str()
    {
        var act = () =>
            Parse(
                "<methodCall><methodName>a.b</methodName><params><param><value><base64>//4=</base64></value></param></params></methodCall>"
            );

        act.Should().Throw<XmlRpcParseException>().WithMessage("*UTF-8*");
    }
}
