using System.Xml;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Parses a <c>&lt;methodCall&gt;</c> as leniently as Supervisor's <c>supervisor_xmlrpc_handler.loads</c>, which
/// folds an ElementTree <c>iterparse</c> bottom-up: each element, when it ends, is replaced by what its tag makes of
/// its text and children. Copying that fold (rather than a strict XML-RPC grammar) is what keeps clients working that
/// omit <c>&lt;params&gt;</c> (kolo/xmlrpc), send untyped <c>&lt;value&gt;</c>s, or send <c>&lt;i8&gt;</c>. The root's
/// name is not checked, and the last <c>&lt;methodName&gt;</c> and <c>&lt;params&gt;</c> win, as there.
/// <para>Hostile input: DTDs are refused (no entity expansion), nothing is resolved, and nesting stops at
/// <see cref="MaxDepth"/>. The work is linear in the body, whose size the endpoint bounds.</para>
/// </summary>
public static class XmlRpcRequestReader
{
    /// <summary>
    /// Deepest element nesting accepted. Each array or struct level costs three elements (array, data, value), so this
    /// allows about 80 levels of nested values; Supervisor's own calls need a handful.
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>The call in <paramref name="body"/>; throws <see cref="XmlRpcParseException"/> where Supervisor answers 400.</summary>
    public static unsafe XmlRpcCall Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new XmlRpcParseException("empty body");
        }
        fixed (byte* start = body)
        {
            using var stream = new UnmanagedMemoryStream(start, body.Length);
            try
            {
                using var reader = XmlReader.Create(stream, Settings);
                return Fold(reader);
            }
            catch (XmlException e)
            {
                throw new XmlRpcParseException($"not well-formed XML: {e.Message}");
            }
            catch (ArgumentException e)
            {
                // XmlTextReaderImpl's own faults on some broken declarations (an encoding switch that copies a
                // negative count, found by AFL): still a body that is not XML.
                throw new XmlRpcParseException($"not well-formed XML: {e.Message}");
            }
        }
    }

    private static XmlRpcCall Fold(XmlReader reader)
    {
        var open = new Stack<XmlElementFold>();
        string? method = null;
        IReadOnlyList<XmlRpcValue>? parameters = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (open.Count == MaxDepth)
                    {
                        throw new XmlRpcParseException($"elements nested deeper than {MaxDepth}");
                    }
                    var element = new XmlElementFold(TagOf(reader));
                    if (open.TryPeek(out var parent))
                    {
                        parent.SawChild = true;
                    }
                    if (reader.IsEmptyElement)
                    {
                        End(element, open, ref method, ref parameters);
                    }
                    else
                    {
                        open.Push(element);
                    }
                    break;
                case XmlNodeType.EndElement:
                    End(open.Pop(), open, ref method, ref parameters);
                    break;
                case XmlNodeType.Text
                or XmlNodeType.CDATA
                or XmlNodeType.Whitespace
                or XmlNodeType.SignificantWhitespace:
                    if (open.TryPeek(out var current))
                    {
                        current.AddText(reader.Value);
                    }
                    break;
            }
        }
        if (string.IsNullOrEmpty(method))
        {
            throw new XmlRpcParseException("no method name");
        }
        return new XmlRpcCall(method, parameters ?? []);
    }

    private static void End(
        XmlElementFold element,
        Stack<XmlElementFold> open,
        ref string? method,
        ref IReadOnlyList<XmlRpcValue>? parameters
    )
    {
        switch (element.Tag)
        {
            case "methodName":
                method = element.Text;
                break;
            case "params":
                parameters = element.ChildValues();
                break;
        }
        var result = XmlElementFold.Unmarshal(element);
        if (open.TryPeek(out var parent))
        {
            parent.Children.Add(element.AsChild(result));
        }
    }

    // ElementTree names a namespaced element "{uri}local", which matches none of the tags Supervisor knows.
    private static string TagOf(XmlReader reader) =>
        reader.NamespaceURI.Length == 0 ? reader.LocalName : "{" + reader.NamespaceURI + "}" + reader.LocalName;
}
