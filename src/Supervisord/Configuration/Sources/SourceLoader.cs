using Supervise.Python;
using Supervise.Supervisord.Configuration.Binding;

namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// Reads the main file and what its <c>[include] files=</c> names, as Supervisor does: patterns are separated by
/// whitespace, expanded (here, host_node_name, ENV_*), joined to the main file's folder, globbed, and each pattern's
/// matches read in sorted order. Only the main file's [include] is processed: an included file's [include] merges
/// into the section but is not followed (so no include can loop). A file ending in .toml is read as TOML.
/// </summary>
internal static class SourceLoader
{
    public static RawConfig? Load(string path, IReadOnlyDictionary<string, object> envNames, DiagnosticBag bag)
    {
        var mainFile = Path.GetFullPath(path);
        var text = SourceText.Read(mainFile, bag);
        if (text is null)
        {
            return null;
        }
        var config = new RawConfig(mainFile);
        Merge(config, text, mainFile, bag);
        if (config.Sections.TryGetValue("include", out var include))
        {
            var files = config.Lookup(include, "files");
            if (files is null)
            {
                bag.Error(include, "files", ".ini file has [include] section, but no files setting");
            }
            else
            {
                ReadIncludes(config, include, files, envNames, bag);
            }
        }
        return config;
    }

    private static void Merge(RawConfig config, string text, string file, DiagnosticBag bag)
    {
        if (file.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
        {
            TomlSource.Merge(config, text, file, bag);
        }
        else
        {
            IniSource.Merge(config, text, file, bag);
        }
    }

    private static void ReadIncludes(
        RawConfig config,
        RawSection include,
        RawValue files,
        IReadOnlyDictionary<string, object> envNames,
        DiagnosticBag bag
    )
    {
        var names = new Dictionary<string, object>(envNames)
        {
            ["here"] = files.Here,
            ["host_node_name"] = Environment.MachineName,
        };
        IEnumerable<string> patterns;
        if (files.Items is { } items)
        {
            patterns = items;
        }
        else
        {
            var expanded = PyPercent.Expand(files.Text, names, "include.files", out var error);
            if (expanded is null)
            {
                bag.Error(files, "include", "files", error!);
                return;
            }
            patterns = SplitWhitespace(expanded);
        }
        var baseDir = Path.GetDirectoryName(config.MainFile) ?? "/";
        var origin = new ConfigDiagnostic(files.File, files.Line, "include", "files", "");
        foreach (var pattern in patterns)
        {
            var expandedPattern = files.Items is null
                ? pattern
                : PyPercent.Expand(pattern, names, "include.files", out _) ?? pattern;
            var joined = expandedPattern.StartsWith('/')
                ? expandedPattern
                : baseDir.TrimEnd('/') + "/" + expandedPattern;
            var matches = Glob.Match(joined);
            if (matches.Count == 0)
            {
                bag.Warning(origin with { Message = $"No file matches via include \"{Echo.Text(joined)}\"" });
                continue;
            }
            matches.Sort(StringComparer.Ordinal);
            foreach (var match in matches)
            {
                bag.Notices.Add($"Included extra file \"{match}\" during parsing");
                ReadInclude(config, match, origin, bag);
            }
        }
        include.Set("files", files);
    }

    private static void ReadInclude(RawConfig config, string match, ConfigDiagnostic origin, DiagnosticBag bag)
    {
        var file = Path.GetFullPath(match);
        if (Directory.Exists(file))
        {
            // Python's configparser silently skips what it cannot open; say so instead.
            bag.Warning(origin with { Message = $"Included path \"{Echo.Text(match)}\" is a directory; skipped" });
            return;
        }
        var text = SourceText.Read(file, bag, origin);
        if (text is null)
        {
            return;
        }
        Merge(config, text, file, bag);
        if (config.Sections.TryGetValue("include", out var include) && include.Options.Values.Any(v => v.File == file))
        {
            bag.Warning(
                new ConfigDiagnostic(
                    file,
                    include.Options.Values.First(v => v.File == file).Line,
                    "include",
                    "files",
                    "[include] in an included file is not processed (includes are not recursive)"
                )
            );
        }
    }

    /// <summary>Python's <c>str.split()</c>.</summary>
    private static List<string> SplitWhitespace(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var space = i == text.Length || PyText.IsSpace(text[i]);
            if (space && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }
        return words;
    }
}
