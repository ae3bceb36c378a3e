using System.Text.RegularExpressions;

namespace Supervise.Supervisord.Tests.Architecture;

/// <summary>
/// The daemon's folders depend on each other one way (docs/architecture.md draws it): each folder may use only the
/// folders below it in <see cref="Layers"/>, so there is no cycle and Hosting only composes.
/// </summary>
public sealed partial class FolderDependencySpecs
{
    /// <summary>Each folder and what it may use.</summary>
    private static readonly Dictionary<string, string[]> Layers = new()
    {
        ["Hosting"] =
        [
            "Control",
            "Web",
            "Wire",
            "Operations",
            "Processes",
            "Events",
            "Logging",
            "Spawning",
            "Platform",
            "Configuration",
        ],
        ["Control"] =
        [
            "Web",
            "Wire",
            "Metrics",
            "Operations",
            "Processes",
            "Events",
            "Logging",
            "Platform",
            "Configuration",
        ],
        ["Web"] = ["Wire", "Operations", "Processes", "Events", "Logging", "Configuration"],
        ["Wire"] = ["Metrics", "Operations", "Processes", "Events", "Logging", "Configuration"],
        ["Metrics"] = ["Operations", "Processes", "Events", "Logging", "Platform", "Configuration"],
        ["Operations"] = ["Processes", "Events", "Logging", "Spawning", "Platform", "Configuration"],
        ["Processes"] = ["Events", "Logging", "Spawning", "Platform", "Configuration"],
        ["Events"] = ["Logging", "Platform", "Configuration"],
        ["Logging"] = ["Platform", "Configuration"],
        ["Spawning"] = ["Logging", "Platform", "Configuration"],
        ["Configuration"] = ["Platform"],
        ["Platform"] = [],
    };

    [Fact]
    public void Every_folder_uses_only_the_folders_below_it()
    {
        var violations = new List<string>();
        foreach (var (path, text) in SourceTree.Files().Where(f => f.Path.Contains('/', StringComparison.Ordinal)))
        {
            var folder = path[..path.IndexOf('/', StringComparison.Ordinal)];
            if (!Layers.TryGetValue(folder, out var allowed))
            {
                violations.Add($"{path}: folder {folder} is not in the layer table");
                continue;
            }
            foreach (
                var used in Layers.Keys.Where(other => other != folder && Uses(text, other) && !allowed.Contains(other))
            )
            {
                violations.Add($"{path} uses {used}");
            }
        }
        violations.Should().BeEmpty();
    }

    [Fact]
    public void The_layer_table_has_no_cycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        bool Cyclic(string folder) =>
            !done.Contains(folder)
            && (!visiting.Add(folder) || Layers[folder].Any(Cyclic) || !done.Add(folder) || false);

        Layers.Keys.Where(Cyclic).Should().BeEmpty();
    }

    /// <summary>A using of the folder's namespace, or a name qualified by it (Platform.Errno, Operations.SupervisorFault).</summary>
    private static bool Uses(string text, string folder) =>
        text.Contains($"Supervise.Supervisord.{folder}", StringComparison.Ordinal) || Qualified(folder).IsMatch(text);

    private static Regex Qualified(string folder) => new($@"(?<![\w.""]){folder}\.[A-Z]\w*\b");
}
