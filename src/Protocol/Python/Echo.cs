using System.Globalization;
using System.Text;

namespace Supervise.Python;

/// <summary>
/// How a value from the file is shown in a diagnostic: cut to <see cref="MaxChars"/> characters with its full length
/// given (<c>aaaa… (1048576 characters)</c>); and a diagnostic's line with its control characters escaped. So a 1 MB
/// value or a NUL byte cannot make a report unbounded or break it over several lines.
/// </summary>
public static class Echo
{
    public const int MaxChars = 200;

    /// <summary>
    /// The value without quotes, for messages that print it bare as Supervisor's do. Control characters are left to
    /// <see cref="ConfigDiagnostic.ToString"/>, which escapes the whole line, so that messages keep Supervisor's text.
    /// </summary>
    public static string Text(string value, int maxChars = MaxChars) =>
        value.Length > maxChars ? $"{value[..maxChars]}… ({Length(value)})" : value;

    /// <summary>Python's repr of the value (<c>'maybe'</c>), cut the same way: <c>'aaaa…' (1048576 characters)</c>.</summary>
    public static string Repr(string value) =>
        value.Length > MaxChars ? $"{PyRepr.Of(value[..MaxChars] + "…")} ({Length(value)})" : PyRepr.Of(value);

    public static string Length(string value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Length} characters");

    /// <summary>Control characters as \xNN (and \n, \r, \t), everything else as is.</summary>
    public static string Escape(string value)
    {
        if (!value.Any(IsControl))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                _ when IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    private static bool IsControl(char c) => c < ' ' || c == '\x7f';
}
