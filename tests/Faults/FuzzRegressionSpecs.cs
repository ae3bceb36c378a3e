using Supervise.Fuzz;

namespace Supervise.Faults;

/// <summary>
/// Every input the fuzzers keep (tests/Fuzz/corpus) and every crash they found (tests/Fuzz/crashes), replayed through
/// its target: each must be handled without a crash. A crash the fuzzer finds later becomes a case here by being saved.
/// </summary>
public sealed class FuzzRegressionSpecs
{
    public static TheoryData<string, string> SavedInputs()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(Binaries.RepositoryRoot, "tests", "Fuzz");
        foreach (var kind in new[] { "corpus", "crashes" })
        {
            foreach (var target in Targets.Names)
            {
                var folder = Path.Combine(root, kind, target);
                if (Directory.Exists(folder))
                {
                    foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                    {
                        data.Add(target, Path.GetRelativePath(root, file));
                    }
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SavedInputs))]
    public void A_saved_fuzz_input_is_handled_without_a_crash(string target, string file)
    {
        var fuzzTarget = Targets.Create(target);
        try
        {
            var input = File.ReadAllBytes(Path.Combine(Binaries.RepositoryRoot, "tests", "Fuzz", file));

            var run = () => fuzzTarget.Run(input);

            run.Should().NotThrow();
        }
        finally
        {
            (fuzzTarget as IDisposable)?.Dispose();
        }
    }
}
