using System.Globalization;
using System.Text;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Python's <c>repr()</c> of a str, which Supervisor's messages print values with (<c>'maybe'</c>). Only ever used to
/// echo a value in a diagnostic, so a value longer than <see cref="Echo.MaxChars"/> is cut, with its length given:
/// <c>'aaaa…' (1048576 characters)</c>.
/// </summary>
internal static class PyRepr
{
    public static string Of(string value) =>
        value.Length > Echo.MaxChars ? $"{Full(value[..Echo.MaxChars] + "…")} ({Echo.Length(value)})" : Full(value);

    private static string Full(string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\').Append(c);
                    }
                    else if (c < ' ' || c == '\x7f')
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append(quote).ToString();
    }
}
