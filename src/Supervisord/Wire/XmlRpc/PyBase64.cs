using System.Text;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Supervisor's base64 parameter: <c>as_string(decodestring(as_bytes(text)))</c>. <c>binascii.a2b_base64</c> in its
/// lenient mode skips characters outside the alphabet, ignores <c>=</c> before the second character of a quad and an
/// incomplete run of them followed by data, and stops at complete padding. The bytes must then be UTF-8, or Python
/// raises and the request is a 400.
/// </summary>
internal static class PyBase64
{
    private static readonly UTF8Encoding Strict = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    public static byte[] DecodeToUtf8(string text)
    {
        var data = new StringBuilder(text.Length);
        var quad = 0;
        var pads = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                pads = 0; // an incomplete pad run followed by data is dropped, as binascii does
                data.Append(c);
                quad = (quad + 1) % 4;
            }
            else if (c == '=' && quad >= 2)
            {
                pads++;
                if (quad + pads >= 4)
                {
                    break;
                }
            }
        }
        if (quad == 1 || (quad > 1 && quad + pads < 4))
        {
            throw new XmlRpcParseException("<base64> has incorrect padding");
        }
        data.Append('=', (4 - quad) % 4);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data.ToString());
            _ = Strict.GetCharCount(bytes);
        }
        catch (FormatException)
        {
            throw new XmlRpcParseException("<base64> is not base64");
        }
        catch (DecoderFallbackException)
        {
            throw new XmlRpcParseException("<base64> does not decode to UTF-8 text");
        }
        return bytes;
    }

    /// <summary><c>base64.encodebytes</c>: lines of at most 76 characters (57 bytes), each ending in a newline.</summary>
    public static string EncodeLines(byte[] bytes)
    {
        var text = new StringBuilder((bytes.Length + 2) / 3 * 4 + (bytes.Length / 57) + 1);
        for (var start = 0; start < bytes.Length; start += 57)
        {
            text.Append(Convert.ToBase64String(bytes, start, Math.Min(57, bytes.Length - start))).Append('\n');
        }
        return text.ToString();
    }
}
