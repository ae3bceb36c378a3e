namespace Supervise.Integration.Tests.Infrastructure;

/// <summary>Paths of the built binaries the specs run (Debug build output under artifacts/).</summary>
public static class Binaries
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Supervisord => Path.Combine(RepositoryRoot, "artifacts/bin/Supervisord/debug/supervisord");

    public static string Supervisorctl =>
        Path.Combine(RepositoryRoot, "artifacts/bin/Supervisorctl/debug/supervisorctl");

    public static string TestChild => Path.Combine(RepositoryRoot, "artifacts/bin/TestChild/debug/testchild");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Supervise.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName
            ?? throw new InvalidOperationException("Supervise.sln not found above " + AppContext.BaseDirectory);
    }
}
