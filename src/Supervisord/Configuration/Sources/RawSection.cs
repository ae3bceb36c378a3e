namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// A section merged from every place it appears (Supervisor's parser is non-strict: a section repeated in the same
/// or an included file adds and overrides options). File and line are those of its first header.
/// </summary>
internal sealed class RawSection(string name, string file, int line)
{
    public string Name { get; } = name;

    public string File { get; } = file;

    public int Line { get; } = line;

    /// <summary>Options in first-written order; a later value for the same key replaces the earlier one.</summary>
    public OrderedDictionary<string, RawValue> Options { get; } = new(StringComparer.Ordinal);

    public void Set(string key, RawValue value) => Options[key] = value;
}
