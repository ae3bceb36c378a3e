using Supervise.Python;

namespace Supervise.Ini;

/// <summary>The section and option <see cref="IniReader"/> is building, so that continuation lines can extend it.</summary>
internal sealed class ReaderState
{
    private List<IniEntry>? _entries;
    private int _sectionLine;
    private string? _key;
    private int _keyLine;

    public List<IniSection> Sections { get; } = [];

    public List<IniError> Errors { get; } = [];

    public string? SectionName { get; private set; }

    /// <summary>The lines of the current option's value, or null when no option is open.</summary>
    public List<string>? ValueLines { get; private set; }

    /// <summary>The indentation of the last line that was not a continuation.</summary>
    public int IndentLevel { get; set; }

    public void StartSection(string name, int line)
    {
        SectionName = name;
        _sectionLine = line;
        _entries = [];
    }

    public void StartOption(string key, int line, string firstValueLine)
    {
        _key = key;
        _keyLine = line;
        ValueLines = [firstValueLine];
    }

    public void FlushOption()
    {
        if (_key is not null && _entries is not null && ValueLines is not null)
        {
            // Python joins the lines with '\n' and strips trailing whitespace, which drops trailing blank lines.
            _entries.Add(new IniEntry(_key, PyText.StripEnd(string.Join('\n', ValueLines)), _keyLine));
        }
        _key = null;
        ValueLines = null;
    }

    public void FlushSection()
    {
        FlushOption();
        if (SectionName is not null && _entries is not null)
        {
            Sections.Add(new IniSection(SectionName, _sectionLine, _entries));
        }
        _entries = null;
    }
}
