using System.Globalization;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// Python's <c>repr(float)</c>: the shortest digits that round-trip (which .NET's default formatting also finds),
/// laid out as Python does: positional with a <c>.0</c> when the decimal point falls between 10^-4 and 10^16,
/// else <c>d.ddde+XX</c> with at least two exponent digits; <c>inf</c>, <c>-inf</c>, <c>nan</c>.
/// </summary>
internal static class PyFloatRepr
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        var sign = double.IsNegative(value) ? "-" : "";
        if (value == 0)
        {
            return sign + "0.0";
        }
        var (digits, point) = ShortestDigits(Math.Abs(value));
        // point is Python's decpt: value = 0.digits * 10^point.
        if (point is > -4 and <= 16)
        {
            if (point <= 0)
            {
                return sign + "0." + new string('0', -point) + digits;
            }
            if (point < digits.Length)
            {
                return sign + digits[..point] + "." + digits[point..];
            }
            return sign + digits + new string('0', point - digits.Length) + ".0";
        }
        var exponent = point - 1;
        var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign
            + mantissa
            + "e"
            + (exponent < 0 ? "-" : "+")
            + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The significant digits (no leading or trailing zeros) of .NET's round-trip form, and Python's decpt.</summary>
    private static (string Digits, int Point) ShortestDigits(double positive)
    {
        var text = positive.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var integerDigits = dot < 0 ? text.Length : dot;
        var all = dot < 0 ? text : text.Remove(dot, 1);
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }
        var digits = all[leading..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, integerDigits - leading + exponent);
    }
}
