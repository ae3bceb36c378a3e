namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// Maps a TOML file onto the same sections as INI. The mapping: a top-level table is a section of the same name
/// (<c>[supervisord]</c>, <c>[unix_http_server]</c>, <c>[include]</c>...); the tables under <c>program</c>,
/// <c>group</c>, <c>eventlistener</c>, <c>fcgi-program</c>, <c>rpcinterface</c> and <c>ctlplugin</c> are the named
/// sections, so <c>[program.web]</c> is INI's <c>[program:web]</c> (a quoted <c>["program:web"]</c> works too).
/// Values are typed: strings, integers and booleans where INI has text, arrays where INI has comma or space lists
/// (<c>exitcodes = [0, 2]</c>, <c>programs</c>, <c>events</c>, <c>files</c>), and a table for <c>environment</c>
/// (<c>environment = { A = "1" }</c>). Other nested tables become dotted option names
/// (<c>supervisor.rpcinterface_factory</c>). %(name)s expansions apply to strings as in INI.
/// </summary>
internal static class TomlSource
{
    public static readonly string[] NamedKinds =
    [
        "program",
        "group",
        "eventlistener",
        "fcgi-program",
        "rpcinterface",
        "ctlplugin",
    ];

    public static void Merge(RawConfig config, string text, string file, DiagnosticBag bag)
    {
        var root = TomlTreeBuilder.Build(text, file, bag);
        if (root is null)
        {
            return;
        }
        var here = Path.GetDirectoryName(file) ?? "/";
        foreach (var (key, node) in root.Table!)
        {
            if (node.Table is null)
            {
                bag.Error(
                    new ConfigDiagnostic(
                        file,
                        node.Line,
                        "",
                        key,
                        $"a top-level TOML key must be a table (a section), not {node.Describe()}"
                    )
                );
            }
            else if (NamedKinds.Contains(key))
            {
                foreach (var (name, section) in node.Table)
                {
                    if (section.Table is null)
                    {
                        bag.Error(
                            new ConfigDiagnostic(
                                file,
                                section.Line,
                                key,
                                name,
                                $"[{Echo.Text(key)}.{Echo.Text(name)}] must be a table, not {section.Describe()}"
                            )
                        );
                        continue;
                    }
                    AddSection(config, $"{key}:{name}", section, file, here, bag);
                }
            }
            else
            {
                AddSection(config, key, node, file, here, bag);
            }
        }
    }

    private static void AddSection(
        RawConfig config,
        string name,
        TomlNode table,
        string file,
        string here,
        DiagnosticBag bag
    )
    {
        var section = config.GetOrAdd(NulGuard.CleanSectionName(name, file, table.Line, bag), file, table.Line);
        AddOptions(section, "", table, file, here, bag);
    }

    private static void AddOptions(
        RawSection section,
        string prefix,
        TomlNode table,
        string file,
        string here,
        DiagnosticBag bag
    )
    {
        foreach (var (rawKey, node) in table.Table!)
        {
            var key = prefix + rawKey.ToLowerInvariant();
            if (node.Scalar is not null)
            {
                section.Set(
                    key,
                    new RawValue(
                        NulGuard.Clean(node.Scalar, file, node.Line, section.Name, key, bag),
                        file,
                        node.Line,
                        here
                    )
                );
            }
            else if (node.Array is not null)
            {
                if (node.Array.Any(item => item.Scalar is null))
                {
                    bag.Error(
                        new ConfigDiagnostic(
                            file,
                            node.Line,
                            section.Name,
                            key,
                            "TOML arrays here may only hold strings, integers or booleans"
                        )
                    );
                    continue;
                }
                var items = node
                    .Array.Select(item => NulGuard.Clean(item.Scalar!, file, item.Line, section.Name, key, bag))
                    .ToList();
                section.Set(key, new RawValue(string.Join(",", items), file, node.Line, here, Items: items));
            }
            else if (key == "environment")
            {
                AddEnvironment(section, key, node, file, here, bag);
            }
            else
            {
                AddOptions(section, key + ".", node, file, here, bag);
            }
        }
    }

    private static void AddEnvironment(
        RawSection section,
        string key,
        TomlNode node,
        string file,
        string here,
        DiagnosticBag bag
    )
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in node.Table!)
        {
            if (value.Scalar is null)
            {
                bag.Error(
                    new ConfigDiagnostic(
                        file,
                        value.Line,
                        section.Name,
                        key,
                        $"environment variable {Echo.Text(name)} must be a string, integer or boolean"
                    )
                );
                continue;
            }
            pairs.Add(
                new(
                    NulGuard.Clean(name, file, value.Line, section.Name, key, bag),
                    NulGuard.Clean(value.Scalar, file, value.Line, section.Name, key, bag)
                )
            );
        }
        var text = string.Join(",", pairs.Select(p => $"{p.Key}=\"{p.Value}\""));
        section.Set(key, new RawValue(text, file, node.Line, here, Pairs: pairs));
    }
}
