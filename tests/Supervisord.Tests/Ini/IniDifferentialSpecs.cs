using System.Runtime.CompilerServices;
using System.Text.Json;
using Supervise.Ini;

namespace Supervise.Supervisord.Tests.Ini;

/// <summary>
/// 400 generated INI texts (comments, continuations, odd headers, \r and \r\n line ends, junk) with what Python 3.11's
/// RawConfigParser(inline_comment_prefixes=(';', '#'), strict=False) made of them, reading a file as Supervisor does.
/// </summary>
public sealed class IniDifferentialSpecs
{
    private sealed record Case(
        string Text,
        List<List<JsonElement>>? Sections,
        List<List<string>>? Defaults,
        List<int>? Errors,
        int? Missing_header_line
    );

    private static readonly Lazy<List<Case>> Loaded = new(() => Read());

    private static List<Case> Cases() => Loaded.Value;

    private static List<Case> Read([CallerFilePath] string source = "") =>
        JsonSerializer.Deserialize<List<Case>>(
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "Data", "ini_differential.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true }
        )!;

    public static TheoryData<int> Indexes() => [.. Enumerable.Range(0, Cases().Count)];

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Reader_agrees_with_pythons_configparser(int index)
    {
        var expected = Cases()[index];
        var document = IniDocument.Parse(expected.Text, "t.conf");

        if (expected.Missing_header_line is { } line)
        {
            document.Errors.Should().NotBeEmpty();
            document.Errors[0].Line.Should().Be(line);
            document.Errors[0].Message.Should().Be("File contains no section headers.");
            return;
        }
        document.Errors.Select(e => e.Line).Should().Equal(expected.Errors!);
        if (expected.Errors!.Count > 0)
        {
            return;
        }
        Merged(document, s => s != "DEFAULT")
            .Should()
            .Equal(
                expected.Sections!.Select(s =>
                    $"[{s[0].GetString()}] "
                    + string.Join(" | ", s[1].EnumerateArray().Select(kv => $"{kv[0].GetString()}={kv[1].GetString()}"))
                )
            );
        Merged(document, s => s == "DEFAULT")
            .SingleOrDefault()
            .Should()
            .Be(
                expected.Defaults!.Count == 0 && !document.Sections.Any(s => s.Name == "DEFAULT")
                    ? null
                    : "[DEFAULT] " + string.Join(" | ", expected.Defaults.Select(kv => $"{kv[0]}={kv[1]}"))
            );
    }

    /// <summary>Sections merged by name in first-seen order, keys in first-seen order with their last value.</summary>
    private static List<string> Merged(IniDocument document, Func<string, bool> include)
    {
        var sections = new List<(string Name, List<(string Key, string Value)> Entries)>();
        foreach (var section in document.Sections.Where(s => include(s.Name)))
        {
            var target = sections.FirstOrDefault(s => s.Name == section.Name);
            if (target.Name is null)
            {
                target = (section.Name, []);
                sections.Add(target);
            }
            foreach (var entry in section.Entries)
            {
                var at = target.Entries.FindIndex(e => e.Key == entry.Key);
                if (at >= 0)
                {
                    target.Entries[at] = (entry.Key, entry.Value);
                }
                else
                {
                    target.Entries.Add((entry.Key, entry.Value));
                }
            }
        }
        return
        [
            .. sections.Select(s => $"[{s.Name}] " + string.Join(" | ", s.Entries.Select(e => $"{e.Key}={e.Value}"))),
        ];
    }
}
