using System.Globalization;

namespace Supervise.Python;

/// <summary>
/// Python's <c>int(text, base)</c> for bases 2 to 10: surrounding whitespace, one sign, any Unicode decimal digit,
/// single '_' between digits, and the base prefix (<c>0o</c>, <c>0b</c>) that Python allows when the base is given.
/// False for anything else and for values outside <see cref="long"/>.
/// </summary>
public static class PyInt
{
    public static bool TryParse(ReadOnlySpan<char> text, out long value) => TryParse(text, 10, out value);

    /// <summary><c>int(text)</c> as an int32, which is all an XML-RPC <c>&lt;int&gt;</c> can carry.</summary>
    public static bool TryParseInt32(ReadOnlySpan<char> text, out int value)
    {
        var ok = TryParse(text, 10, out var wide) && wide is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)wide : 0;
        return ok;
    }

    public static bool TryParse(ReadOnlySpan<char> text, int radix, out long value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radix, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radix, 10);
        value = 0;
        var s = StripNumeric(text);
        var negative = s.Length > 0 && s[0] == '-';
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            s = s[1..];
        }
        if (
            s.Length > 2
            && s[0] == '0'
            && char.ToLowerInvariant(s[1])
                == (
                    radix == 8 ? 'o'
                    : radix == 2 ? 'b'
                    : '\0'
                )
        )
        {
            s = s[2..];
            s = s.Length > 0 && s[0] == '_' ? s[1..] : s;
        }
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_' || s.Contains("__", StringComparison.Ordinal))
        {
            return false;
        }
        ulong magnitude = 0;
        foreach (var c in s)
        {
            if (c == '_')
            {
                continue;
            }
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit < 0 || digit >= radix || magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }
            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }
        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>
    /// The whitespace that <c>int()</c> and <c>float()</c> strip. Unlike <c>str.strip</c> (<see cref="PyText"/>),
    /// it leaves U+001C..U+001F, as CPython keeps ASCII characters other than " \t\n\v\f\r" as they are.
    /// </summary>
    internal static ReadOnlySpan<char> StripNumeric(ReadOnlySpan<char> text) => text.Trim();
}
