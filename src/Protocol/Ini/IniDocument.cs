using System.Text;

namespace Supervise.Ini;

/// <summary>
/// One INI file as Supervisor reads it (Python's RawConfigParser with inline_comment_prefixes=(';', '#') and
/// strict=False): sections in file order, entries in file order with their line numbers. Duplicate sections and keys
/// are kept as written; <see cref="IniSection.Get"/> returns the last value, which is what non-strict parsing does.
/// Shared by the daemon (which adds expansion and includes) and the ctl (which reads [supervisorctl]).
/// </summary>
public sealed class IniDocument
{
    internal IniDocument(string fileName, IReadOnlyList<IniSection> sections, IReadOnlyList<IniError> errors)
    {
        FileName = fileName;
        Sections = sections;
        Errors = errors;
    }

    public string FileName { get; }

    public IReadOnlyList<IniSection> Sections { get; }

    /// <summary>Lines that are neither a section header, an option, a comment nor a continuation.</summary>
    public IReadOnlyList<IniError> Errors { get; }

    public static IniDocument Parse(string text, string fileName) => IniReader.Read(text, fileName);

    /// <summary>Reads a file (UTF-8; a byte-order mark is dropped). I/O errors propagate to the caller.</summary>
    public static IniDocument Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Every section with this exact (case-sensitive) name, in file order.</summary>
    public IEnumerable<IniSection> SectionsNamed(string name) => Sections.Where(s => s.Name == name);

    /// <summary>The value of the last <paramref name="key"/> in any section named <paramref name="section"/>.</summary>
    public string? Get(string section, string key)
    {
        string? value = null;
        foreach (var s in SectionsNamed(section))
        {
            value = s.Get(key) ?? value;
        }
        return value;
    }

    /// <summary>Prints the document back as INI text that parses to the same sections and entries.</summary>
    public string Format()
    {
        var builder = new StringBuilder();
        foreach (var section in Sections)
        {
            builder.Append('[').Append(section.Name).Append("]\n");
            foreach (var entry in section.Entries)
            {
                var lines = entry.Value.Split('\n');
                // No spaces around '=': a value starting with ';' or '#' would otherwise become a comment.
                builder.Append(entry.Key).Append('=').Append(lines[0]).Append('\n');
                foreach (var continuation in lines.Skip(1))
                {
                    builder.Append("    ").Append(continuation).Append('\n');
                }
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }
}

/// <param name="Line">1-based line of the section header.</param>
public sealed record IniSection(string Name, int Line, IReadOnlyList<IniEntry> Entries)
{
    /// <summary>The last value of a key (keys are lower-cased when read), or null.</summary>
    public string? Get(string key) => Entries.LastOrDefault(e => e.Key == key)?.Value;

    public IniEntry? Entry(string key) => Entries.LastOrDefault(e => e.Key == key);
}

/// <param name="Key">Lower-cased, as Python's optionxform does.</param>
/// <param name="Value">Stripped; continuation lines joined with '\n'.</param>
/// <param name="Line">1-based line of the key.</param>
public sealed record IniEntry(string Key, string Value, int Line);

/// <param name="Text">The offending line as written.</param>
public sealed record IniError(int Line, string Text, string Message);
