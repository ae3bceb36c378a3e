namespace Supervise.Supervisord.Tests.Architecture;

/// <summary>The daemon's source files, found from the test binary by walking up to the repository root.</summary>
internal static class SourceTree
{
    /// <summary>The repository's root: the folder that holds Supervise.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Daemon { get; } = Path.Combine(Root, "src", "Supervisord");

    /// <summary>Every .cs file of the daemon, as (path relative to src/Supervisord with '/' separators, text).</summary>
    public static IEnumerable<(string Path, string Text)> Files() =>
        Directory
            .EnumerateFiles(Daemon, "*.cs", SearchOption.AllDirectories)
            .Where(path =>
                !path.Contains(
                    $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal
                )
            )
            .Select(path => (Path.GetRelativePath(Daemon, path).Replace('\\', '/'), File.ReadAllText(path)));

    private static string FindRoot()
    {
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Combine(directory.FullName, "Supervise.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no Supervise.sln above {AppContext.BaseDirectory}");
    }
}
