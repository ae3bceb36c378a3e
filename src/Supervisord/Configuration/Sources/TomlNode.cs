namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>A TOML value with the line it was written on: a table, an array or a scalar (as text).</summary>
internal sealed class TomlNode
{
    private TomlNode(int line) => Line = line;

    public int Line { get; }

    public OrderedDictionary<string, TomlNode>? Table { get; private init; }

    public List<TomlNode>? Array { get; private init; }

    /// <summary>A scalar's text: strings as written, integers in decimal, booleans as true/false.</summary>
    public string? Scalar { get; private init; }

    public static TomlNode NewTable(int line) => new(line) { Table = new(StringComparer.Ordinal) };

    public static TomlNode NewArray(int line) => new(line) { Array = [] };

    public static TomlNode NewScalar(string text, int line) => new(line) { Scalar = text };

    public string Describe() =>
        Table is not null ? "a table"
        : Array is not null ? "an array"
        : "a value";
}
