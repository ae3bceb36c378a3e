using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>
/// Mutants of the sample, test and conformance configs (copied under Data/, so no path outside the project is read),
/// loaded as --check loads them. None may reach the loader's catch-all, every refusal names its place on one line, and
/// no report is over 64 KB. SUPERVISE_FUZZ_MUTANTS sets the count (2,000 by default; the fault suite runs 10,000),
/// SUPERVISE_FUZZ_SEED the seed, and SUPERVISE_FUZZ_DUMP=DIR writes each mutant to DIR/NNNNN/ (for
/// Data/Fuzz/compare_supervisor.py, which loads them with Supervisor 4.2.5 and lists the disagreements).
/// </summary>
public sealed partial class MutationFuzzSpecs
{
    private const int MaxReportBytes = 64 * 1024;

    private sealed record Seed(string Name, string Main, Dictionary<string, string> Files, string[] Dirs);

    private sealed record Case(string Conf, Dictionary<string, string> Files);

    [Fact]
    public void No_mutant_of_the_known_configs_reaches_the_catch_all_or_an_unformatted_or_unbounded_report()
    {
        var count = Setting("SUPERVISE_FUZZ_MUTANTS", 2000);
        var random = new Random(Setting("SUPERVISE_FUZZ_SEED", 20151));
        var dump = Environment.GetEnvironmentVariable("SUPERVISE_FUZZ_DUMP");
        var seeds = Seeds();
        var mutator = new ConfigMutator(random);
        var problems = new List<string>();
        var environment = new Dictionary<string, string> { ["HOME"] = "/root", ["TESTVAR"] = "tv" };
        var clock = Stopwatch.StartNew();
        var (slowest, slowestTime) = ("", TimeSpan.Zero);
        using var shared = new TempConfig();
        var prepared = new HashSet<string>();

        for (var n = 0; n < count; n++)
        {
            var seed = seeds[n % seeds.Count];
            var dir = dump is null
                ? Path.Combine(shared.Dir, seed.Name)
                : Path.Combine(dump, n.ToString("D5", CultureInfo.InvariantCulture));
            if (dump is not null || prepared.Add(seed.Name))
            {
                Prepare(seed, dir);
            }
            var (bytes, description) = mutator.Mutate(seed.Main.Replace("{W}", dir, StringComparison.Ordinal));
            var path = Path.Combine(dir, "supervisord.conf");
            File.WriteAllBytes(path, bytes);
            if (dump is not null)
            {
                File.WriteAllText(Path.Combine(dir, "mutation.txt"), $"{seed.Name}: {description}\n");
            }

            var started = Stopwatch.GetTimestamp();
            var result = ConfigLoader.Load(path, environment);
            var report = CheckReport.Format(result).Text;
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > slowestTime)
            {
                (slowest, slowestTime) = ($"{seed.Name} #{n} ({description})", elapsed);
            }
            foreach (var problem in Check(result, report, dir))
            {
                problems.Add($"{seed.Name} #{n} ({description}): {problem}");
            }
        }

        problems
            .Should()
            .BeEmpty(
                $"{count} mutants should each load or be refused cleanly (slowest: {slowest}, {slowestTime.TotalMilliseconds:F0} ms)"
            );
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(Math.Max(60, count / 20)), "the fuzz must stay quick");
        slowestTime.Should().BeLessThan(TimeSpan.FromSeconds(5), $"no mutant may make the loader hang ({slowest})");
    }

    private static IEnumerable<string> Check(ConfigLoadResult result, string report, string dir)
    {
        if (Encoding.UTF8.GetByteCount(report) > MaxReportBytes)
        {
            yield return $"report of {Encoding.UTF8.GetByteCount(report)} bytes";
        }
        foreach (var diagnostic in result.Errors.Concat(result.Warnings))
        {
            var line = diagnostic.ToString();
            if (diagnostic.Message.StartsWith(ConfigLoader.InternalErrorPrefix, StringComparison.Ordinal))
            {
                yield return $"reached the catch-all: {line}";
            }
            else if (
                !diagnostic.File.StartsWith(dir, StringComparison.Ordinal)
                || !Place().IsMatch(line)
                || line.Length > 4096
            )
            {
                yield return $"not formatted FILE:LINE [section] option: message ({line[..Math.Min(line.Length, 300)]})";
            }
        }
    }

    /// <summary>FILE:LINE [section] option: message, or the file-level FILE: message; one line, no control character.</summary>
    [GeneratedRegex(@"^/[^\x00-\x1f]*?(:\d+)?( \[[^\x00-\x1f]+\])?( [^\x00-\x1f ]+)?: [^\x00-\x1f]+$")]
    private static partial Regex Place();

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    private static void Prepare(Seed seed, string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var sub in seed.Dirs)
        {
            Directory.CreateDirectory(Path.Combine(dir, sub));
        }
        foreach (var (relative, content) in seed.Files)
        {
            var path = Path.Combine(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content.Replace("{W}", dir, StringComparison.Ordinal));
        }
    }

    private static List<Seed> Seeds([CallerFilePath] string source = "")
    {
        var data = Path.Combine(Path.GetDirectoryName(source)!, "Data");
        var seeds = new List<Seed>();
        foreach (var file in new[] { "conform_cases.json", "realworld_cases.json" })
        {
            var cases = JsonSerializer.Deserialize<Dictionary<string, Case>>(
                File.ReadAllText(Path.Combine(data, file)),
                new JsonSerializerOptions { PropertyNameCaseInsensitive = true }
            )!;
            seeds.AddRange(cases.Select(c => new Seed(c.Key, c.Value.Conf, c.Value.Files, ["childlogs"])));
        }
        foreach (var folder in Directory.GetDirectories(Path.Combine(data, "Fuzz")).Order(StringComparer.Ordinal))
        {
            var files = Directory
                .GetFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != "supervisord.conf" || Path.GetDirectoryName(f) != folder)
                .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
            seeds.Add(
                new Seed(
                    Path.GetFileName(folder),
                    File.ReadAllText(Path.Combine(folder, "supervisord.conf")),
                    files,
                    ["run/logs"]
                )
            );
        }
        return seeds;
    }
}
