using System.Diagnostics;
using System.Text;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>What an attacker on the socket can send: DTDs and entities, deep nesting, very large bodies.</summary>
public sealed class XmlRpcHostileInputSpecs
{
    private static XmlRpcCall Parse(string body) => XmlRpcRequestReader.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_billion_laughs_document_is_refused_before_any_expansion()
    {
        var body = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (var i = 1; i < 10; i++)
        {
            body.Append(
                $"<!ENTITY lol{i} '{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10)).Replace("&lol0;", "&lol;", StringComparison.Ordinal)}'>"
            );
        }
        body.Append("]><methodCall><methodName>&lol9;</methodName></methodCall>");

        var act = () => Parse(body.ToString());

        act.Should().Throw<XmlRpcParseException>();
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var act = () =>
            Parse(
                "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                    + "<methodCall><methodName>a.b</methodName><params><param><value>&e;</value></param></params></methodCall>"
            );

        act.Should().Throw<XmlRpcParseException>();
    }

    [Fact]
    public void An_undefined_entity_is_refused()
    {
        var act = () => Parse("<methodCall><methodName>a.b&e;</methodName></methodCall>");

        act.Should().Throw<XmlRpcParseException>();
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(100, false)]
    [InlineData(100_000, false)]
    public void Nesting_is_bounded(int arrays, bool accepted)
    {
        var body =
            "<methodCall><methodName>a.b</methodName><params><param><value>"
            + string.Concat(Enumerable.Repeat("<array><data><value>", arrays))
            + "x"
            + string.Concat(Enumerable.Repeat("</value></data></array>", arrays))
            + "</value></param></params></methodCall>";

        var act = () => Parse(body);

        if (accepted)
        {
            var value = act().Params.Single();
            for (var i = 0; i < arrays; i++)
            {
                value = ((XmlRpcArray)value).Items.Single();
            }
            value.Should().Be(new XmlRpcString("x"));
        }
        else
        {
            act.Should().Throw<XmlRpcParseException>().WithMessage("*nested deeper than 256*");
        }
    }

    [Fact]
    public void A_large_body_is_parsed_in_linear_time()
    {
        var text = new string('a', 2 << 20);
        var members = string.Concat(
            Enumerable
                .Range(0, 20_000)
                .Select(i => $"<member><name>k{i % 100}</name><value><int>{i}</int></value></member>")
        );
        var body =
            $"<methodCall><methodName>a.b</methodName><params><param><value>{text}</value></param>"
            + $"<param><value><struct>{members}</struct></value></param></params></methodCall>";
        var clock = Stopwatch.StartNew();

        var call = Parse(body);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        call.Params[0].Should().Be(new XmlRpcString(text));
        ((XmlRpcStruct)call.Params[1])
            .Members.Should()
            .HaveCount(100)
            .And.Contain(new KeyValuePair<string, XmlRpcValue>("k0", 19_900));
    }
}
