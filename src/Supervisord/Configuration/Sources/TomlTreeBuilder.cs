using System.Globalization;
using Tomlyn;
using Tomlyn.Parsing;

namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// Builds a <see cref="TomlNode"/> tree from Tomlyn's event parser (no reflection, so it stays NativeAOT-safe). A
/// table header that names an existing table reopens it; a key defined twice in one table is an error.
/// </summary>
internal static class TomlTreeBuilder
{
    public static TomlNode? Build(string text, string file, DiagnosticBag bag)
    {
        var root = TomlNode.NewTable(1);
        var stack = new Stack<(TomlNode Node, string? Key, int KeyLine)>();
        var parser = TomlParser.Create(text, new TomlParserOptions { Mode = TomlParserMode.Tolerant }, null);
        var unbalanced = false;
        var line = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current;
                line = e.Line;
                // Tolerant mode goes on after a syntax error and may then end or name more than it opened (found by
                // the fuzzer, tests/Fuzz/crashes/toml): the document is refused by its diagnostics, so stop building.
                if (
                    stack.Count == 0
                    && e.Kind
                        is not TomlParseEventKind.StartTable
                            and not TomlParseEventKind.StartDocument
                            and not TomlParseEventKind.EndDocument
                )
                {
                    if (!parser.HasErrors)
                    {
                        bag.Error(
                            new ConfigDiagnostic(
                                file,
                                Math.Max(e.Line, 0),
                                "",
                                "",
                                "TOML syntax error: unbalanced document"
                            )
                        );
                    }
                    unbalanced = true;
                    break;
                }
                switch (e.Kind)
                {
                    case TomlParseEventKind.StartTable:
                        stack.Push(
                            (stack.Count == 0 ? root : Attach(stack, TomlNode.NewTable(e.Line), file, bag), null, 0)
                        );
                        break;
                    case TomlParseEventKind.StartArray:
                        stack.Push((Attach(stack, TomlNode.NewArray(e.Line), file, bag), null, 0));
                        break;
                    case TomlParseEventKind.EndTable or TomlParseEventKind.EndArray:
                        stack.Pop();
                        break;
                    case TomlParseEventKind.PropertyName:
                        var top = stack.Pop();
                        stack.Push((top.Node, parser.GetPropertyName(), e.Line));
                        break;
                    case TomlParseEventKind.String
                    or TomlParseEventKind.Integer
                    or TomlParseEventKind.Float
                    or TomlParseEventKind.Boolean
                    or TomlParseEventKind.DateTime:
                        Attach(stack, TomlNode.NewScalar(ScalarText(parser, e), e.Line), file, bag);
                        break;
                }
            }
        }
        catch (TomlException ex)
        {
            bag.Error(
                new ConfigDiagnostic(
                    file,
                    Math.Max(ex.Line ?? 0, 0),
                    "",
                    "",
                    $"TOML syntax error: {Echo.Text(ex.Message)}"
                )
            );
        }
        catch (ArgumentException ex)
        {
            // Tomlyn decodes a \U escape outside Unicode (a surrogate, past 0x10FFFF) with an exception (found by the
            // fuzzer, tests/Fuzz/crashes/toml): a syntax error at the line being read.
            bag.Error(
                new ConfigDiagnostic(file, Math.Max(line, 0), "", "", $"TOML syntax error: {Echo.Text(ex.Message)}")
            );
            unbalanced = true;
        }
        foreach (var message in parser.Diagnostics)
        {
            bag.Error(
                new ConfigDiagnostic(
                    file,
                    message.Span.Start.Line + 1,
                    "",
                    "",
                    $"TOML syntax error: {Echo.Text(message.Message)}"
                )
            );
        }
        return parser.HasErrors || unbalanced ? null : root;
    }

    private static string ScalarText(TomlParser parser, TomlParseEvent e) =>
        e.Kind switch
        {
            TomlParseEventKind.String => parser.GetString(),
            TomlParseEventKind.Integer => e.GetInt64().ToString(CultureInfo.InvariantCulture),
            TomlParseEventKind.Boolean => e.GetBoolean() ? "true" : "false",
            TomlParseEventKind.Float => e.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            _ => e.GetTomlDateTime().ToString(),
        };

    private static TomlNode Attach(
        Stack<(TomlNode Node, string? Key, int KeyLine)> stack,
        TomlNode child,
        string file,
        DiagnosticBag bag
    )
    {
        var (parent, key, keyLine) = stack.Peek();
        if (parent.Array is not null)
        {
            parent.Array.Add(child);
            return child;
        }
        key ??= "";
        var table = parent.Table!;
        if (table.TryGetValue(key, out var existing))
        {
            if (existing.Table is not null && child.Table is not null)
            {
                return existing;
            }
            bag.Error(
                new ConfigDiagnostic(file, keyLine, "", key, $"TOML key defined twice (first on line {existing.Line})")
            );
            return child;
        }
        var placed = child.Table is not null && child.Line == 0 ? TomlNode.NewTable(keyLine) : child;
        table[key] = placed;
        return placed;
    }
}
