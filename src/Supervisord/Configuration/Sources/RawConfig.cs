namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// Every section of the main file and its includes, merged by name in first-seen order, plus the <c>[DEFAULT]</c>
/// section whose options every section inherits (as Python's configparser does).
/// </summary>
internal sealed class RawConfig(string mainFile)
{
    public const string DefaultSection = "DEFAULT";

    public string MainFile { get; } = mainFile;

    public OrderedDictionary<string, RawSection> Sections { get; } = new(StringComparer.Ordinal);

    public RawSection Defaults { get; } = new(DefaultSection, mainFile, 0);

    public RawSection GetOrAdd(string name, string file, int line)
    {
        if (name == DefaultSection)
        {
            return Defaults;
        }
        if (!Sections.TryGetValue(name, out var section))
        {
            section = new RawSection(name, file, line);
            Sections[name] = section;
        }
        return section;
    }

    /// <summary>The section's own value for <paramref name="key"/>, else the <c>[DEFAULT]</c> one, else null.</summary>
    public RawValue? Lookup(RawSection section, string key) =>
        section.Options.TryGetValue(key, out var value) ? value
        : Defaults.Options.TryGetValue(key, out var inherited) ? inherited
        : null;

    public IEnumerable<RawSection> SectionsStartingWith(string prefix) =>
        Sections.Values.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal));
}
