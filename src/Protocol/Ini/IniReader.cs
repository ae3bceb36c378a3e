using Supervise.Python;

namespace Supervise.Ini;

/// <summary>
/// The line rules of Python's RawConfigParser (3.11 <c>_read</c>) as Supervisor configures it, step for step:
/// lines end at \n, \r\n or \r (Python's universal newlines); full-line comments start with ';' or '#'; inline
/// comments are ';' or '#' preceded by whitespace (quotes do not protect them); "key = value" or "key: value" split at
/// the first '=' or ':'; a line indented deeper than the line that opened the current option continues its value
/// (blank lines inside a value are kept, trailing ones dropped); "[name]" opens a section, and anything after its last
/// ']' is ignored. A bad line is reported but, as in Python, does not end the option before it.
/// </summary>
internal static class IniReader
{
    public static IniDocument Read(string text, string fileName)
    {
        var state = new ReaderState();
        var lines = SplitLines(text);
        for (var index = 0; index < lines.Count; index++)
        {
            ReadLine(state, lines[index], index + 1);
        }
        state.FlushSection();
        return new IniDocument(fileName, state.Sections, state.Errors);
    }

    private static void ReadLine(ReaderState state, string line, int lineNumber)
    {
        var commentStart = CommentStart(line);
        var value = PyText.Strip(commentStart is { } cut ? line[..cut] : line);
        if (value.Length == 0)
        {
            // A blank line may belong to a multi-line value; a comment line never does.
            if (commentStart is null)
            {
                state.ValueLines?.Add("");
            }
            return;
        }

        var indent = PyText.IndentOf(line);
        if (state.ValueLines is not null && indent > state.IndentLevel)
        {
            state.ValueLines.Add(value);
            return;
        }

        state.IndentLevel = indent;
        if (value.StartsWith('[') && value.LastIndexOf(']') is var close && close > 1)
        {
            state.FlushSection();
            state.StartSection(value[1..close], lineNumber);
            return;
        }

        if (state.SectionName is null)
        {
            state.Errors.Add(new IniError(lineNumber, line, "File contains no section headers."));
            return;
        }

        var separator = value.IndexOfAny(['=', ':']);
        var key = separator < 0 ? "" : PyText.StripEnd(value[..separator]);
        if (key.Length == 0)
        {
            if (separator >= 0)
            {
                // Python stores the value under an empty name, which ends the option before it.
                state.FlushOption();
            }
            state.Errors.Add(new IniError(lineNumber, line, "Source contains parsing errors"));
            return;
        }

        state.FlushOption();
        state.StartOption(key.ToLowerInvariant(), lineNumber, PyText.Strip(value[(separator + 1)..]));
    }

    /// <summary>Where the comment starts: a full-line comment, or ';'/'#' after whitespace; null when there is none.</summary>
    private static int? CommentStart(string line)
    {
        var stripped = PyText.Strip(line);
        if (stripped.StartsWith(';') || stripped.StartsWith('#'))
        {
            return 0;
        }
        for (var i = 1; i < line.Length; i++)
        {
            if ((line[i] == ';' || line[i] == '#') && PyText.IsSpace(line[i - 1]))
            {
                return i;
            }
        }
        return null;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }
}
