using System.Globalization;
using System.Text;

namespace Supervise.Python;

/// <summary>
/// Python's <c>repr()</c> of a str, which Supervisor's messages print values with (<c>'maybe'</c>, "Error: bad channel
/// 'foo'", Fault texts). Single quotes unless the text holds a single quote and no double one; backslash, the quote,
/// \n, \r, \t and the other ASCII control characters escaped.
/// </summary>
public static class PyRepr
{
    public static string Of(string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
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
