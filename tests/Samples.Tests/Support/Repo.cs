namespace Supervise.Samples.Tests.Support;

/// <summary>Paths in the repository: the shipped sample feeds, and the built sample binaries (UseArtifactsOutput).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string FeedsDirectory => Path.Combine(Root, "samples", "feeds");

    public static string Feed(string name) => Path.Combine(FeedsDirectory, name);

    public static string Binary(string project) => Path.Combine(Root, "artifacts", "bin", project, "debug", project);

    public static readonly string[] ShippedFeeds =
    [
        "dotnet-runtime.rss.xml",
        "ops-weekly.rss.xml",
        "release-notes.atom.xml",
    ];

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
