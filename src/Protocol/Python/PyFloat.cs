using System.Globalization;

namespace Supervise.Python;

/// <summary>
/// Python's <c>float(str)</c> as far as Supervise needs it (an XML-RPC <c>&lt;double&gt;</c>, a loosely typed
/// parameter): surrounding whitespace, a sign, ASCII digits with a dot and an exponent, inf, infinity and nan.
/// </summary>
public static class PyFloat
{
    public static bool TryParse(ReadOnlySpan<char> text, out double result)
    {
        text = PyInt.StripNumeric(text);
        var body = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text[1..] : text;
        var sign = text.Length > 0 && text[0] == '-' ? -1.0 : 1.0;
        if (
            body.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || body.Equals("infinity", StringComparison.OrdinalIgnoreCase)
        )
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
}
