namespace Supervise.Python;

/// <summary>One parsed Python conversion specifier: <c>%(key)flags width .precision conversion</c>.</summary>
public sealed record PercentSpec(string? Key, string Flags, int? Width, int? Precision, char Conversion, int Index)
{
    private const string Conversions = "diouxXeEfFgGcrsa%";

    /// <param name="start">The index just after the '%'.</param>
    /// <param name="next">The index after the specifier.</param>
    public static PercentSpec? Parse(string format, int start, out int next, out string? problem)
    {
        next = start;
        problem = "incomplete format";
        var i = start;
        string? key = null;
        if (i < format.Length && format[i] == '(')
        {
            var depth = 1;
            var keyStart = ++i;
            while (i < format.Length && depth > 0)
            {
                depth += format[i] switch
                {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                i++;
            }
            if (depth > 0)
            {
                problem = "incomplete format key";
                return null;
            }
            key = format[keyStart..(i - 1)];
        }
        var flagsStart = i;
        while (i < format.Length && "-+ #0".Contains(format[i]))
        {
            i++;
        }
        var flags = format[flagsStart..i];
        var width = ReadNumber(format, ref i, out var star);
        if (star)
        {
            problem = "* wants int";
            return null;
        }
        int? precision = null;
        if (i < format.Length && format[i] == '.')
        {
            i++;
            precision = ReadNumber(format, ref i, out star) ?? 0;
            if (star)
            {
                problem = "* wants int";
                return null;
            }
        }
        while (i < format.Length && format[i] is 'h' or 'l' or 'L')
        {
            i++;
        }
        if (i >= format.Length)
        {
            return null;
        }
        var conversion = format[i];
        if (!Conversions.Contains(conversion))
        {
            problem =
                $"unsupported format character {Echo.Repr(conversion.ToString())} (0x{(int)conversion:x}) at index {i}";
            return null;
        }
        if (width > MaxWidth || precision > MaxWidth)
        {
            // Python would build the string (%(here)999999999s is a gigabyte); a config value never needs that.
            problem = $"format width or precision over {MaxWidth}";
            return null;
        }
        next = i + 1;
        problem = null;
        return new PercentSpec(key, flags, width, precision, conversion, i);
    }

    /// <summary>The widest field a conversion may pad to (found by the fuzzer: tests/Fuzz/crashes/ini/hang-*).</summary>
    public const int MaxWidth = 4096;

    private static int? ReadNumber(string format, ref int i, out bool star)
    {
        star = i < format.Length && format[i] == '*';
        if (star)
        {
            return null;
        }
        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }
        return i > start && int.TryParse(format.AsSpan(start, i - start), out var n) ? n : null;
    }
}
