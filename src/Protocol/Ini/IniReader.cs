namespace Supervise.Ini;

/// <summary>
/// The line rules of Python's RawConfigParser as Supervisor configures it:
/// full-line comments start with ';' or '#'; inline comments are ';' or '#' preceded by whitespace (quotes do not
/// protect them); "key = value" or "key: value" split at the first '=' or ':'; a line indented deeper than its key's
/// line continues the value (blank lines inside a value are kept, trailing ones dropped); "[name]" opens a section.
/// </summary>
internal static class IniReader
{
    public static IniDocument Read(string text, string fileName)
    {
        var sections = new List<IniSection>();
        var errors = new List<IniError>();
        List<IniEntry>? entries = null;
        string? sectionName = null;
        var sectionLine = 0;

        // The option being built, so that continuation lines can extend it.
        string? key = null;
        var keyLine = 0;
        var keyIndent = 0;
        List<string>? valueLines = null;

        void FlushOption()
        {
            if (key is not null && entries is not null && valueLines is not null)
            {
                while (valueLines.Count > 1 && valueLines[^1].Length == 0)
                {
                    valueLines.RemoveAt(valueLines.Count - 1);
                }
                entries.Add(new IniEntry(key, string.Join('\n', valueLines), keyLine));
            }
            key = null;
            valueLines = null;
        }

        void FlushSection()
        {
            FlushOption();
            if (sectionName is not null && entries is not null)
            {
                sections.Add(new IniSection(sectionName, sectionLine, entries));
            }
        }

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var raw = lines[index].TrimEnd('\r');
            var content = StripInlineComment(raw);
            var trimmed = content.Trim();
            var fullComment = raw.TrimStart().StartsWith(';') || raw.TrimStart().StartsWith('#');

            if (fullComment || trimmed.Length == 0)
            {
                // A blank line may belong to a multi-line value; a comment line never does.
                if (!fullComment && valueLines is not null)
                {
                    valueLines.Add("");
                }
                continue;
            }

            var indent = raw.Length - raw.TrimStart().Length;
            if (key is not null && indent > keyIndent)
            {
                valueLines!.Add(trimmed);
                continue;
            }

            if (trimmed.StartsWith('['))
            {
                var close = trimmed.LastIndexOf(']');
                if (close > 1)
                {
                    FlushSection();
                    sectionName = trimmed[1..close];
                    sectionLine = lineNumber;
                    entries = [];
                    continue;
                }
            }

            if (sectionName is null)
            {
                FlushOption();
                errors.Add(new IniError(lineNumber, raw, "File contains no section headers."));
                continue;
            }

            var separator = trimmed.IndexOfAny(['=', ':']);
            if (separator <= 0 || trimmed[..separator].Trim().Length == 0)
            {
                FlushOption();
                errors.Add(new IniError(lineNumber, raw, "Source contains parsing errors"));
                continue;
            }

            FlushOption();
            key = trimmed[..separator].TrimEnd().ToLowerInvariant();
            keyLine = lineNumber;
            keyIndent = indent;
            valueLines = [trimmed[(separator + 1)..].Trim()];
        }
        FlushSection();
        return new IniDocument(fileName, sections, errors);
    }

    /// <summary>Cuts the line at the first ';' or '#' that follows whitespace.</summary>
    private static string StripInlineComment(string line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if ((line[i] == ';' || line[i] == '#') && char.IsWhiteSpace(line[i - 1]))
            {
                return line[..i];
            }
        }
        return line;
    }
}
