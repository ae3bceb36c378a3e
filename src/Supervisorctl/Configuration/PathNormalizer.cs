namespace Supervise.Supervisorctl.Configuration;

/// <summary>Python's os.path.normpath(os.path.abspath(os.path.expanduser(path))).</summary>
internal static class PathNormalizer
{
    public static string Normalize(string path, string currentDirectory, string? home)
    {
        if (home is not null && (path == "~" || path.StartsWith("~/", StringComparison.Ordinal)))
        {
            path = home + path[1..];
        }
        if (!path.StartsWith('/'))
        {
            path = currentDirectory.TrimEnd('/') + "/" + path;
        }
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
