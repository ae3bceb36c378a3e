using System.Runtime.CompilerServices;
using System.Text.Json;
using Supervise.Naming;
using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>
/// The differential conformance configs (shared/conform) and the 20 real-world configs, copied into Data/ with the
/// harness head: the good ones must load and name their processes as Supervisor's `status` does; the bad ones must be
/// refused, naming the culprit.
/// </summary>
public sealed class ConformanceSpecs
{
    private sealed record Case(string Conf, Dictionary<string, string> Files, List<string>? Status);

    private static Dictionary<string, Case> Cases(string file, [CallerFilePath] string source = "") =>
        JsonSerializer.Deserialize<Dictionary<string, Case>>(
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "Data", file)),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true }
        )!;

    public static TheoryData<string> ConformNames() =>
        [.. Cases("conform_cases.json").Keys.Where(k => !k.StartsWith("bad_"))];

    public static TheoryData<string> RealWorldNames() => [.. Cases("realworld_cases.json").Keys];

    private static ConfigLoadResult LoadCase(TempConfig temp, Case c)
    {
        Directory.CreateDirectory(Path.Combine(temp.Dir, "childlogs"));
        foreach (var (path, content) in c.Files)
        {
            temp.Write(path, content);
        }
        temp.Write("supervisord.conf", c.Conf);
        return temp.Load();
    }

    private static List<string> Namespecs(ConfigLoadResult result) =>
        [
            .. result
                .Config!.Groups.SelectMany(g => g.Processes.Select(p => ProcessName.Make(g.Name, p.Name)))
                .Order(StringComparer.Ordinal),
        ];

    [Theory]
    [MemberData(nameof(ConformNames))]
    public void Conformance_config_loads_with_supervisors_process_names(string name) =>
        AssertLoads(Cases("conform_cases.json")[name]);

    [Theory]
    [MemberData(nameof(RealWorldNames))]
    public void Real_world_config_loads_with_supervisors_process_names(string name) =>
        AssertLoads(Cases("realworld_cases.json")[name]);

    private static void AssertLoads(Case c)
    {
        using var temp = new TempConfig();
        var result = LoadCase(temp, c);

        result.Errors.Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
        if (c.Status is not null)
        {
            Namespecs(result).Should().Equal(c.Status);
        }
    }

    [Theory]
    [InlineData("bad_bool", "autostart", "not a valid boolean value: 'maybe'")]
    [InlineData("bad_no_command", "command", "program section program:x does not specify a command")]
    [InlineData("bad_signal", "stopsignal", "value 'FOO' is not a valid signal name")]
    [InlineData("bad_syntax", "", "Source contains parsing errors: 'this line has no equals sign'")]
    public void Bad_conformance_config_is_refused_naming_the_problem(string name, string option, string message)
    {
        using var temp = new TempConfig();
        var result = LoadCase(temp, Cases("conform_cases.json")[name]);

        result.Succeeded.Should().BeFalse();
        result.Config.Should().BeNull();
        result
            .Errors.Should()
            .ContainSingle()
            .Which.Should()
            .Match<ConfigDiagnostic>(d =>
                d.Section == "program:x"
                && d.Option == option
                && d.Message == message
                && d.Line > 0
                && d.File == Path.Combine(temp.Dir, "supervisord.conf")
            );
    }
}
