using System.Text;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// systemd's EnvironmentFile= syntax, which dotenv files also follow: <c>NAME=value</c> lines; blank lines and lines
/// starting with <c>#</c> or <c>;</c> are skipped; an optional <c>export </c> prefix (dotenv); a value in single quotes
/// is literal, one in double quotes knows <c>\"</c>, <c>\\</c>, <c>\$</c>, <c>\n</c> and may span lines; an unquoted
/// value is trimmed, and a trailing backslash joins the next line. As in systemd, <c>#</c> after a value is part of it.
/// </summary>
internal static class EnvFileParser
{
    /// <returns>The variables in file order, or an error naming the line.</returns>
    public static (List<KeyValuePair<string, string>>? Variables, string? Error) Parse(string text)
    {
        var variables = new List<KeyValuePair<string, string>>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].TrimStart();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }
            var equals = line.IndexOf('=');
            var name = equals < 0 ? line.TrimEnd() : line[..equals].TrimEnd();
            if (equals < 0 || !IsName(name))
            {
                return (null, $"line {lineNumber}: expected NAME=value, got {Quote(lines[i])}");
            }
            var rest = line[(equals + 1)..].TrimStart();
            string value;
            if (rest.StartsWith('\'') || rest.StartsWith('"'))
            {
                var (quoted, endLine, error) = ReadQuoted(lines, i, rest);
                if (error is not null)
                {
                    return (null, $"line {lineNumber}: {error}");
                }
                value = quoted!;
                i = endLine;
            }
            else
            {
                var joined = new StringBuilder(rest.TrimEnd());
                while (joined.Length > 0 && joined[^1] == '\\' && i + 1 < lines.Length)
                {
                    joined.Length--;
                    joined.Append(lines[++i].Trim());
                }
                value = joined.ToString();
            }
            variables.Add(new(name, value));
        }
        return (variables, null);
    }

    private static (string? Value, int EndLine, string? Error) ReadQuoted(string[] lines, int start, string rest)
    {
        var quote = rest[0];
        var value = new StringBuilder();
        var text = rest[1..];
        var line = start;
        while (true)
        {
            for (var k = 0; k < text.Length; k++)
            {
                var c = text[k];
                if (c == quote)
                {
                    var after = text[(k + 1)..].Trim();
                    return after.Length == 0 || after[0] == '#'
                        ? (value.ToString(), line, null)
                        : (null, line, $"unexpected text after the closing quote: {Quote(after)}");
                }
                if (quote == '"' && c == '\\' && k + 1 < text.Length)
                {
                    var next = text[++k];
                    value.Append(
                        next switch
                        {
                            'n' => '\n',
                            't' => '\t',
                            _ => next,
                        }
                    );
                    continue;
                }
                value.Append(c);
            }
            if (++line >= lines.Length)
            {
                return (null, start, $"the {(quote == '"' ? "double" : "single")} quote is never closed");
            }
            value.Append('\n');
            text = lines[line];
        }
    }

    private static bool IsName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Quote(string text) => Echo.Repr(text.Length > 80 ? text[..80] + "..." : text);
}
