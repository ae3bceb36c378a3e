using System.Globalization;
using System.Text;

namespace Supervise.Supervisord.Web;

/// <summary>
/// Escaping for everything the page shows that came from a config or a log (names, descriptions, log text, messages),
/// and Python's urllib.quote (safe "/") for the links, so that the query strings match Supervisor's byte for byte.
/// </summary>
public static class Html
{
    /// <summary>Text and attribute values: &amp;, &lt;, &gt;, quotes (a process named &lt;script&gt; is shown as text).</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(
                c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => null,
                } ?? c.ToString()
            );
        }
        return builder.ToString();
    }

    /// <summary>Python 3's urllib.parse.quote(text) with its default safe "/": UTF-8, unreserved characters kept.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~' or '/')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    /// <summary>Python's time.ctime() of local time: "Tue Dec  1 22:45:16 2026".</summary>
    public static string CTime(DateTimeOffset at)
    {
        var local = at.ToLocalTime();
        var culture = CultureInfo.InvariantCulture;
        return string.Create(culture, $"{local:ddd MMM} {local.Day, 2} {local:HH:mm:ss yyyy}");
    }
}
