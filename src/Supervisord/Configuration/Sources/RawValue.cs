namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// One option's value as written, before expansion and parsing, with where it came from. INI values are text; TOML
/// values may also carry typed items (an array) or pairs (a table), which bypass the comma and quote syntax.
/// </summary>
/// <param name="Here">The absolute folder of the file the value came from: what <c>%(here)s</c> means for it.</param>
/// <param name="Items">A TOML array's elements as text, or null.</param>
/// <param name="Pairs">A TOML table's entries as text (for <c>environment</c>), or null.</param>
internal sealed record RawValue(
    string Text,
    string File,
    int Line,
    string Here,
    IReadOnlyList<string>? Items = null,
    IReadOnlyList<KeyValuePair<string, string>>? Pairs = null
);
