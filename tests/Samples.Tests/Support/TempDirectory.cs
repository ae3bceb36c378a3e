namespace Supervise.Samples.Tests.Support;

/// <summary>A fresh directory per test, deleted afterwards, so that no test sees another's leftovers.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"samples-tests-{Guid.NewGuid():N}");

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be writing; a leftover temp folder is harmless.
        }
    }
}
