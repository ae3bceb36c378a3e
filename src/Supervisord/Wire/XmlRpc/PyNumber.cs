using System.Globalization;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Python's <c>int(str)</c> and <c>float(str)</c>, which both the request parser (<c>&lt;int&gt;</c>,
/// <c>&lt;double&gt;</c>) and the parameter coercion apply: surrounding whitespace, a sign, any Unicode decimal digit,
/// and single underscores between digits.
/// </summary>
internal static class PyNumber
{
    public static bool TryParseInt(ReadOnlySpan<char> text, out int result)
    {
        result = 0;
        text = StripSpace(text);
        var negative = false;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text.Length == 0 || text[0] == '_' || text[^1] == '_')
        {
            return false;
        }
        long value = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                if (text[i - 1] == '_')
                {
                    return false;
                }
                continue;
            }
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit < 0)
            {
                return false;
            }
            value = (value * 10) + digit;
            if (value > (long)int.MaxValue + 1)
            {
                return false;
            }
        }
        value = negative ? -value : value;
        if (value is < int.MinValue or > int.MaxValue)
        {
            return false;
        }
        result = (int)value;
        return true;
    }

    public static bool TryParseFloat(ReadOnlySpan<char> text, out double result)
    {
        text = StripSpace(text);
        var body = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text[1..] : text;
        var sign = text.Length > 0 && text[0] == '-' ? -1.0 : 1.0;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) ||
            body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            result = sign * double.PositiveInfinity;
            return true;
        }
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            result = double.NaN;
            return true;
        }
        // Only ASCII digits, dot, exponent and sign remain valid; .NET would also take "Infinity" and thousands forms.
        foreach (var c in body)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                result = 0;
                return false;
            }
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>Python's <c>str.strip()</c>: Unicode whitespace plus the separators U+001C..U+001F.</summary>
    public static ReadOnlySpan<char> StripSpace(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && IsSpace(text[start]))
        {
            start++;
        }
        var end = text.Length;
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';
}
