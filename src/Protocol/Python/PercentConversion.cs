using System.Globalization;

namespace Supervise.Python;

/// <summary>Applies one <see cref="PercentSpec"/> to a string or integer value the way Python's % operator does.</summary>
public static class PercentConversion
{
    public static string? Apply(PercentSpec spec, object value, out string? problem)
    {
        problem = null;
        var body = spec.Conversion switch
        {
            's' => Truncate(Str(value), spec.Precision),
            'r' or 'a' => Truncate(value is string s ? Echo.Repr(s) : Str(value), spec.Precision),
            'c' => Char(value, out problem),
            'd' or 'i' or 'u' => value is long or int
                ? Integer(Convert.ToInt64(value, CultureInfo.InvariantCulture), spec, 10)
                : Fail(out problem, $"%{spec.Conversion} format: a real number is required, not str"),
            'x' or 'X' or 'o' => value is long or int
                ? Integer(Convert.ToInt64(value, CultureInfo.InvariantCulture), spec, spec.Conversion == 'o' ? 8 : 16)
                : Fail(out problem, $"%{spec.Conversion} format: an integer is required, not str"),
            _ => value is long or int
                ? Real(Convert.ToDouble(value, CultureInfo.InvariantCulture), spec)
                : Fail(out problem, "must be real number, not str"),
        };
        return body is null ? null : Pad(body, spec);
    }

    private static string? Fail(out string? problem, string message)
    {
        problem = message;
        return null;
    }

    private static string Str(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static string Truncate(string text, int? precision) =>
        precision is { } p && p < text.Length ? text[..p] : text;

    private static string? Char(object value, out string? problem)
    {
        problem = null;
        if (value is string s)
        {
            return s.Length == 1 ? s : Fail(out problem, "%c requires int or char");
        }
        var code = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return code is >= 0 and <= 0x10FFFF
            ? char.ConvertFromUtf32((int)code)
            : Fail(out problem, "%c arg not in range(0x110000)");
    }

    private static string Integer(long number, PercentSpec spec, int radix)
    {
        var magnitude =
            number == long.MinValue ? "9223372036854775808" : Digits(Math.Abs(number), radix, spec.Conversion == 'X');
        if (spec.Precision is { } p && magnitude.Length < p)
        {
            magnitude = magnitude.PadLeft(p, '0');
        }
        var prefix = spec.Flags.Contains('#') && radix != 10 ? "0" + (radix == 8 ? 'o' : spec.Conversion) : "";
        return Sign(number < 0, spec) + prefix + magnitude;
    }

    private static string Digits(long magnitude, int radix, bool upper)
    {
        var text = radix == 10 ? magnitude.ToString(CultureInfo.InvariantCulture) : Convert.ToString(magnitude, radix);
        return upper ? text.ToUpperInvariant() : text;
    }

    private static string Real(double number, PercentSpec spec)
    {
        var precision = spec.Precision ?? 6;
        var magnitude = Math.Abs(number);
        var text = char.ToLowerInvariant(spec.Conversion) switch
        {
            'f' => magnitude.ToString("F" + precision, CultureInfo.InvariantCulture),
            'e' => Exponent(magnitude, precision),
            _ => magnitude.ToString("G" + Math.Max(precision, 1), CultureInfo.InvariantCulture),
        };
        text = char.IsUpper(spec.Conversion) ? text.ToUpperInvariant() : text;
        return Sign(number < 0, spec) + text;
    }

    private static string Exponent(double magnitude, int precision)
    {
        var text = magnitude.ToString(
            (precision == 0 ? "0" : "0." + new string('0', precision)) + "e+00",
            CultureInfo.InvariantCulture
        );
        return text;
    }

    private static string Sign(bool negative, PercentSpec spec) =>
        negative ? "-"
        : spec.Flags.Contains('+') ? "+"
        : spec.Flags.Contains(' ') ? " "
        : "";

    private static string Pad(string body, PercentSpec spec)
    {
        if (spec.Width is not { } width || body.Length >= width)
        {
            return body;
        }
        if (spec.Flags.Contains('-'))
        {
            return body.PadRight(width);
        }
        var numeric = spec.Conversion is not ('s' or 'r' or 'a' or 'c');
        if (spec.Flags.Contains('0') && numeric)
        {
            var signLength = body.Length > 0 && body[0] is '-' or '+' or ' ' ? 1 : 0;
            if (body.Length > signLength + 1 && body[signLength] == '0' && body[signLength + 1] is 'x' or 'X' or 'o')
            {
                signLength += 2;
            }
            return body[..signLength] + new string('0', width - body.Length) + body[signLength..];
        }
        return body.PadLeft(width);
    }
}
