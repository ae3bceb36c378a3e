using System.Buffers;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// The bytes of Python's <c>xmlrpclib.dumps((value,), methodresponse=1)</c> and <c>dumps(Fault(code, text))</c>,
/// encoded UTF-8 as Supervisor sends them, whitespace included, so replies can be compared byte for byte with 4.2.5's.
/// Every value is <c>&lt;value&gt;…&lt;/value&gt;\n</c>; strings escape only <c>&amp; &lt; &gt;</c> and carry non-ASCII
/// as raw UTF-8. Unlike Supervisor, text passes through <see cref="XmlText"/>'s rule, so a log with control characters
/// or lone surrogates still gives a document every client parses.
/// </summary>
public static class XmlRpcResponseWriter
{
    // What xmlrpclib escapes, plus what XML cannot carry (XmlText's suspects: controls, U+FFFE/FFFF, surrogates).
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>" + XmlText.SuspectChars);

    /// <summary>A methodResponse carrying <paramref name="value"/>; <see cref="XmlRpcNil"/> anywhere throws, as allow_none=False does.</summary>
    public static byte[] Response(XmlRpcValue value)
    {
        using var reply = PooledResponse(value);
        return reply.Memory.ToArray();
    }

    /// <summary>A fault: the struct <c>faultCode</c> (int), <c>faultString</c> (string), in that order.</summary>
    public static byte[] Fault(int code, string faultString)
    {
        using var reply = PooledFault(code, faultString);
        return reply.Memory.ToArray();
    }

    /// <summary><see cref="Response"/> in a pooled buffer, for the endpoint to send and give back.</summary>
    public static PooledBytes PooledResponse(XmlRpcValue value)
    {
        var output = new Utf8Output(4096);
        try
        {
            output.Ascii("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n"u8);
            Value(ref output, value, 0);
            output.Ascii("</param>\n</params>\n</methodResponse>\n"u8);
            return output.Detach();
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary><see cref="Fault"/> in a pooled buffer.</summary>
    public static PooledBytes PooledFault(int code, string faultString)
    {
        var output = new Utf8Output(256);
        try
        {
            output.Ascii(
                "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n"u8
            );
            output.Ascii("<value><int>"u8);
            output.Int(code);
            output.Ascii("</int></value>\n</member>\n<member>\n<name>faultString</name>\n<value><string>"u8);
            Text(ref output, faultString);
            output.Ascii("</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n"u8);
            return output.Detach();
        }
        finally
        {
            output.Dispose();
        }
    }

    private static void Value(ref Utf8Output output, XmlRpcValue value, int depth)
    {
        // Our own results nest a few levels; the bound only stops a cyclic or runaway structure from overflowing the stack.
        if (depth > 256)
        {
            throw new InvalidOperationException("XML-RPC value nested deeper than 256 levels");
        }
        switch (value)
        {
            case XmlRpcString s:
                output.Ascii("<value><string>"u8);
                Text(ref output, s.Value);
                output.Ascii("</string></value>\n"u8);
                break;
            case XmlRpcInt i:
                output.Ascii("<value><int>"u8);
                output.Int(i.Value);
                output.Ascii("</int></value>\n"u8);
                break;
            case XmlRpcBool b:
                output.Ascii(
                    b.Value ? "<value><boolean>1</boolean></value>\n"u8 : "<value><boolean>0</boolean></value>\n"u8
                );
                break;
            case XmlRpcStruct st:
                output.Ascii("<value><struct>\n"u8);
                foreach (var member in st.Members)
                {
                    output.Ascii("<member>\n<name>"u8);
                    Text(ref output, member.Key);
                    output.Ascii("</name>\n"u8);
                    Value(ref output, member.Value, depth + 1);
                    output.Ascii("</member>\n"u8);
                }
                output.Ascii("</struct></value>\n"u8);
                break;
            case XmlRpcArray a:
                output.Ascii("<value><array><data>\n"u8);
                foreach (var item in a.Items)
                {
                    Value(ref output, item, depth + 1);
                }
                output.Ascii("</data></array></value>\n"u8);
                break;
            case XmlRpcDouble d:
                output.Ascii("<value><double>"u8);
                output.Plain(PyFloatRepr.Format(d.Value));
                output.Ascii("</double></value>\n"u8);
                break;
            case XmlRpcBase64 b64:
                output.Ascii("<value><base64>\n"u8);
                output.Plain(PyBase64.EncodeLines(b64.Value));
                output.Ascii("</base64></value>\n"u8);
                break;
            case XmlRpcDateTime dt:
                output.Ascii("<value><dateTime.iso8601>"u8);
                Text(ref output, dt.Value);
                output.Ascii("</dateTime.iso8601></value>\n"u8);
                break;
            default:
                throw new InvalidOperationException("cannot marshal None unless allow_none is enabled");
        }
    }

    /// <summary>xmlrpclib's <c>escape</c> (only &amp; &lt; &gt;), with what XML cannot carry replaced by U+FFFD.</summary>
    private static void Text(ref Utf8Output output, ReadOnlySpan<char> text)
    {
        // Most text (names, states, paths) is printable ASCII without markup; two vectorized scans prove it.
        if (!text.ContainsAnyExceptInRange(' ', '~') && !text.ContainsAny('&', '<', '>'))
        {
            output.Plain(text);
            return;
        }
        while (true)
        {
            var at = text.IndexOfAny(Special);
            if (at < 0)
            {
                output.Plain(text);
                return;
            }
            if (XmlText.IsPairAt(text, at))
            {
                output.Plain(text[..(at + 2)]);
                text = text[(at + 2)..];
                continue;
            }
            output.Plain(text[..at]);
            output.Ascii(
                text[at] switch
                {
                    '&' => "&amp;"u8,
                    '<' => "&lt;"u8,
                    '>' => "&gt;"u8,
                    _ => "\uFFFD"u8,
                }
            );
            text = text[(at + 1)..];
        }
    }
}
