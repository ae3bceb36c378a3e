namespace Supervise.Tests.Support;

/// <summary>A fresh directory per test, deleted afterwards, so that no test sees another's leftovers.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "supervise-tests-") =>
        Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

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
