using System.Text;
using System.Text.RegularExpressions;

namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// Python's <c>glob.glob(pattern)</c> without recursion: '*', '?' and '[...]' in any path component, names starting
/// with '.' matched only by a component that starts with '.', a pattern without wildcards returned when it exists.
/// Results are unsorted, as Python returns them; callers sort.
/// </summary>
internal static class Glob
{
    public static List<string> Match(string pattern)
    {
        var (dir, name) = Split(pattern);
        if (!HasMagic(pattern))
        {
            return Exists(pattern) ? [pattern] : [];
        }
        var dirs =
            dir.Length == 0 ? [""]
            : HasMagic(dir) && dir != pattern ? Match(dir)
            : [dir];
        var results = new List<string>();
        foreach (var folder in dirs)
        {
            if (HasMagic(name))
            {
                results.AddRange(MatchNames(folder, name).Select(n => Join(folder, n)));
            }
            else if (name.Length == 0 ? Directory.Exists(folder) : Exists(Join(folder, name)))
            {
                results.Add(Join(folder, name));
            }
        }
        return results;
    }

    private static bool HasMagic(string text) => text.AsSpan().IndexOfAny("*?[") >= 0;

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || IsLink(path);

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static (string Dir, string Name) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return ("", path);
        }
        var dir = path[..(slash + 1)].TrimEnd('/');
        return (dir.Length == 0 ? "/" : dir, path[(slash + 1)..]);
    }

    private static string Join(string dir, string name) =>
        dir.Length == 0 ? name
        : dir.EndsWith('/') ? dir + name
        : dir + "/" + name;

    private static IEnumerable<string> MatchNames(string folder, string pattern)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(folder.Length == 0 ? "." : folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
        var regex = Translate(pattern);
        return entries
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => (pattern.StartsWith('.') || !n.StartsWith('.')) && regex.IsMatch(n));
    }

    /// <summary>fnmatch.translate: '*', '?', '[seq]', '[!seq]'; an unclosed '[' is literal.</summary>
    public static Regex Translate(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                builder.Append(".*");
            }
            else if (c == '?')
            {
                builder.Append('.');
            }
            else if (c == '[')
            {
                var j = i + 1;
                if (j < pattern.Length && pattern[j] == '!')
                {
                    j++;
                }
                if (j < pattern.Length && pattern[j] == ']')
                {
                    j++;
                }
                while (j < pattern.Length && pattern[j] != ']')
                {
                    j++;
                }
                if (j >= pattern.Length)
                {
                    builder.Append(@"\[");
                    continue;
                }
                var set = pattern[(i + 1)..j];
                var negate = set.StartsWith('!');
                var items = SetItems(negate ? set[1..] : set);
                // Python's fnmatch drops a reversed range ([z-a]); a set left empty matches nothing (any char if negated).
                builder.Append(
                    items.Length > 0 ? $"[{(negate ? "^" : "")}{items}]"
                    : negate ? "."
                    : "(?!)"
                );
                i = j;
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }
        return new Regex(builder.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>The members of a [set] as a regex class body: ranges kept when ordered, every character escaped.</summary>
    private static string SetItems(string set)
    {
        var items = new StringBuilder();
        for (var k = 0; k < set.Length; )
        {
            if (k + 2 < set.Length && set[k + 1] == '-')
            {
                if (set[k] <= set[k + 2])
                {
                    items.Append(Escape(set[k])).Append('-').Append(Escape(set[k + 2]));
                }
                k += 3;
            }
            else
            {
                items.Append(Escape(set[k]));
                k++;
            }
        }
        return items.ToString();
    }

    private static string Escape(char c) => c is '\\' or '[' or ']' or '^' or '-' ? "\\" + c : c.ToString();
}
