namespace Supervise.Tests.Support;

/// <summary>
/// What a spec needs from the machine (root, a tool), as the skip reason xunit shows when it is missing. xunit 2
/// cannot skip from inside a running test, so the check runs when the attribute is made, before the test starts.
/// </summary>
public static class Requirements
{
    private static readonly string[] SystemFolders =
    [
        "/usr/local/sbin",
        "/usr/local/bin",
        "/usr/sbin",
        "/usr/bin",
        "/sbin",
        "/bin",
    ];

    /// <summary>True when the effective uid is 0.</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The skip reason for the first unmet need, or null when every need is met.</summary>
    public static string? Unmet(bool root, IReadOnlyList<string> tools)
    {
        if (root && !IsRoot)
        {
            return "needs root";
        }
        var missing = tools.Where(t => Find(t) is null).ToList();
        return missing.Count == 0 ? null : $"needs {string.Join(", ", missing)}, not found on this machine";
    }

    /// <summary>The path of <paramref name="tool"/>: itself when it has a '/', else the first match on PATH.</summary>
    public static string? Find(string tool)
    {
        if (tool.Contains('/'))
        {
            return File.Exists(tool) ? tool : null;
        }
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(
            ':',
            StringSplitOptions.RemoveEmptyEntries
        );
        return folders.Concat(SystemFolders).Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists);
    }
}
