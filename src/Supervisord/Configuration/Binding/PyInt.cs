using System.Globalization;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>Python's <c>int(text, base)</c>: surrounding whitespace, a sign, '_' between digits, an optional base prefix.</summary>
internal static class PyInt
{
    public static bool TryParse(string text, int radix, out long value)
    {
        value = 0;
        var s = Supervise.Ini.PythonText.Strip(text);
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (radix == 8 && s.Length > 2 && s[0] == '0' && s[1] is 'o' or 'O')
        {
            s = s[2..];
            if (s.StartsWith('_'))
            {
                s = s[1..];
            }
        }
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_' || s.Contains("__", StringComparison.Ordinal))
        {
            return false;
        }
        long result = 0;
        foreach (var c in s)
        {
            if (c == '_')
            {
                continue;
            }
            var digit = c - '0';
            if (digit < 0 || digit >= radix)
            {
                return false;
            }
            try
            {
                result = checked((result * radix) + digit);
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        value = negative ? -result : result;
        return true;
    }

    /// <summary>Python's <c>int()</c> error text.</summary>
    public static string InvalidLiteral(string text) => $"invalid literal for int() with base 10: {PyRepr.Of(text)}";

    public static Parsed<int> Integer(string text)
    {
        if (!TryParse(text, 10, out var value))
        {
            return Parsed<int>.Fail(InvalidLiteral(text));
        }
        return value is < int.MinValue or > int.MaxValue
            ? Parsed<int>.Fail($"{value.ToString(CultureInfo.InvariantCulture)} is too large")
            : (int)value;
    }
}
