using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>
/// Whatever the writer sends, a reader (ours, standing in for the client) reads back: the response is turned into a
/// call by renaming its root, which the lenient fold ignores anyway. Text comes back sanitized.
/// </summary>
public sealed class XmlRpcRoundTripSpecs
{
    private static Gen<XmlRpcValue> Values(int size)
    {
        var text = Gen.Elements("a", "&", "<", ">", "é", "\U0001F600", "\u001b", "\uD800", " ", "\n", "\r", "]]>", "\"")
            .ArrayOf()
            .Select(parts => string.Concat(parts));
        var scalars = Gen.OneOf(
            ArbMap.Default.GeneratorFor<int>().Select(i => (XmlRpcValue)i),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (XmlRpcValue)b),
            text.Select(s => (XmlRpcValue)s),
            ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => (XmlRpcValue)new XmlRpcDouble(f.Get)),
            text.Select(s => (XmlRpcValue)new XmlRpcBase64(Encoding.UTF8.GetBytes(XmlText.Sanitize(s))))
        );
        if (size <= 0)
        {
            return scalars;
        }
        var inner = Values(size / 3);
        return Gen.OneOf(
            scalars,
            inner.ListOf().Select(items => (XmlRpcValue)new XmlRpcArray([.. items])),
            Gen.Zip(text, inner)
                .ListOf()
                .Select(members =>
                    (XmlRpcValue)
                        new XmlRpcStruct([
                            .. members
                                .DistinctBy(m => Lines(XmlText.Sanitize(m.Item1)))
                                .Select(m => new KeyValuePair<string, XmlRpcValue>(m.Item1, m.Item2)),
                        ])
                )
        );
    }

    private static XmlRpcValue Sanitized(XmlRpcValue value) =>
        value switch
        {
            XmlRpcString s => new XmlRpcString(Lines(XmlText.Sanitize(s.Value))),
            XmlRpcArray a => new XmlRpcArray([.. a.Items.Select(Sanitized)]),
            XmlRpcStruct s => new XmlRpcStruct([
                .. s.Members.Select(m => new KeyValuePair<string, XmlRpcValue>(
                    Lines(XmlText.Sanitize(m.Key)),
                    Sanitized(m.Value)
                )),
            ]),
            _ => value,
        };

    // An XML parser reads a raw CR, or CR LF, as LF; xmlrpclib does not escape CR either, so clients see the same.
    private static string Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\r", "\n", StringComparison.Ordinal);

    [Property(MaxTest = 300)]
    public Property What_the_writer_sends_reads_back_as_the_same_value() =>
        Prop.ForAll(
            Gen.Sized(Values).ToArbitrary(),
            value =>
            {
                var response = Encoding.UTF8.GetString(XmlRpcResponseWriter.Response(value));
                var call = response
                    .Replace("<methodResponse>", "<methodCall><methodName>r.t</methodName>", StringComparison.Ordinal)
                    .Replace("</methodResponse>", "</methodCall>", StringComparison.Ordinal);

                var read = XmlRpcRequestReader.Parse(Encoding.UTF8.GetBytes(call));

                return (read.Params.Count == 1 && read.Params[0] == Sanitized(value)).Label(response);
            }
        );
}
