using System.Buffers;
using System.Text;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Makes any text safe for an XML 1.0 document. Supervisor puts log bytes into <c>&lt;string&gt;</c> as they are, so
/// an ANSI escape makes every Python client fail with <c>ExpatError: not well-formed</c> and invalid UTF-8 makes the
/// reply an HTTP 500 (Supervisor #85, #1293, #1485, #1611). Replacing what XML cannot carry with U+FFFD keeps the type
/// (<c>&lt;string&gt;</c>) and so every client, as abrander/go-supervisord's client-side workaround does.
/// </summary>
public static class XmlText
{
    public const char Replacement = '\uFFFD';

    // C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; every surrogate (a valid pair is let through by hand).
    internal static readonly string SuspectChars =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\uFFFE\uFFFF"
        + Surrogates();

    private static readonly SearchValues<char> Suspects = SearchValues.Create(SuspectChars);

    /// <summary>Log bytes as text: UTF-8 with U+FFFD for each invalid sequence, then <see cref="Sanitize"/>.</summary>
    public static string DecodeLog(ReadOnlySpan<byte> bytes) => Sanitize(Encoding.UTF8.GetString(bytes));

    /// <summary>
    /// <paramref name="text"/> with each character XML 1.0 cannot carry replaced by U+FFFD; the same instance when
    /// there is none.
    /// </summary>
    public static string Sanitize(string text)
    {
        var first = IndexOfInvalid(text);
        if (first < 0)
        {
            return text;
        }
        return string.Create(
            text.Length,
            (text, first),
            static (span, state) =>
            {
                state.text.AsSpan().CopyTo(span);
                var at = state.first;
                while (at < span.Length)
                {
                    var next = IndexOfInvalid(span[at..]);
                    if (next < 0)
                    {
                        break;
                    }
                    at += next;
                    span[at] = Replacement;
                    at++;
                }
            }
        );
    }

    /// <summary>Index of the first character XML cannot carry (a lone surrogate counts; a valid pair does not), or -1.</summary>
    internal static int IndexOfInvalid(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny(Suspects);
            if (found < 0)
            {
                return -1;
            }
            var at = offset + found;
            if (!IsPairAt(text, at))
            {
                return at;
            }
            offset = at + 2;
        }
    }

    /// <summary>True when a valid surrogate pair starts at <paramref name="at"/>.</summary>
    internal static bool IsPairAt(ReadOnlySpan<char> text, int at) =>
        char.IsHighSurrogate(text[at]) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]);

    private static string Surrogates()
    {
        var chars = new char[0xE000 - 0xD800];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(0xD800 + i);
        }
        return new string(chars);
    }
}
