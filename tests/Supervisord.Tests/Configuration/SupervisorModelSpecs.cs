using System.Runtime.CompilerServices;
using System.Text.Json;
using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>
/// Every conformance and real-world config, loaded by Supervisor 4.2.5's own ServerOptions.read_config (HOME={W},
/// TESTVAR=tv; dumped to Data/supervisor_models.json) and by us: each process must come out the same, option by option.
/// </summary>
public sealed class SupervisorModelSpecs
{
    private sealed record Case(string Conf, Dictionary<string, string> Files);

    private static string DataFile(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Data", name);

    private static Dictionary<string, List<JsonElement>> Expected() =>
        JsonSerializer.Deserialize<Dictionary<string, List<JsonElement>>>(
            File.ReadAllText(DataFile("supervisor_models.json"))
        )!;

    private static Case Find(string name)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        foreach (var file in new[] { "conform_cases.json", "realworld_cases.json" })
        {
            var cases = JsonSerializer.Deserialize<Dictionary<string, Case>>(
                File.ReadAllText(DataFile(file)),
                options
            )!;
            if (cases.TryGetValue(name, out var found))
            {
                return found;
            }
        }
        throw new KeyNotFoundException(name);
    }

    public static TheoryData<string> Names() => [.. Expected().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_process_matches_what_supervisor_builds(string name)
    {
        using var temp = new TempConfig();
        var c = Find(name);
        Directory.CreateDirectory(Path.Combine(temp.Dir, "childlogs"));
        foreach (var (path, content) in c.Files)
        {
            temp.Write(path, content);
        }
        temp.Write("supervisord.conf", c.Conf);
        var result = temp.Load(environment: new Dictionary<string, string> { ["HOME"] = temp.Dir, ["TESTVAR"] = "tv" });
        result.Errors.Should().BeEmpty();

        var ours = result.Config!.Groups.SelectMany(g =>
            g.Processes.Select(p => Describe(g, p).Replace(temp.Dir, "{W}"))
        );
        // Supervisor keeps a [group:x]'s processes in programs= order; our model sorts every group by (priority, name).
        var expected = Expected()[name];
        var groupOrder = expected.Select(p => p.GetProperty("group").GetString()!).Distinct().ToList();
        var theirs = expected
            .OrderBy(p => groupOrder.IndexOf(p.GetProperty("group").GetString()!))
            .ThenBy(p => p.GetProperty("priority").GetInt32())
            .ThenBy(p => p.GetProperty("name").GetString(), StringComparer.Ordinal)
            .Select(Describe);

        ours.Should().Equal(theirs);
    }

    private static string Describe(ProcessGroupConfig g, ProcessConfig p) =>
        string.Join(
            " ; ",
            g.Name,
            g.Priority,
            p.Name,
            p.Command,
            p.Directory ?? "None",
            p.Priority,
            p.Autostart,
            p.StopSignal,
            p.Uid?.ToString() ?? "None",
            string.Join(
                ",",
                p.Environment.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => $"{e.Name}={e.Value}")
            ),
            Log(p.Stdout),
            Log(p.Stderr),
            string.Join(",", p.ExitCodes),
            p.Umask?.ToString() ?? "None",
            p.StartSecs
        );

    private static string Log(LogChannelConfig channel) =>
        channel.Target switch
        {
            LogTarget.Auto => "AUTO",
            LogTarget.File => channel.Path!,
            _ => "NONE",
        };

    private static string Describe(JsonElement p)
    {
        string S(string key) =>
            p.GetProperty(key).ValueKind == JsonValueKind.Null ? "None" : p.GetProperty(key).ToString();
        var env = string.Join(
            ",",
            p.GetProperty("env").EnumerateArray().Select(kv => $"{kv[0].GetString()}={kv[1].GetString()}")
        );
        return string.Join(
            " ; ",
            S("group"),
            S("gpriority"),
            S("name"),
            S("command"),
            S("directory"),
            S("priority"),
            p.GetProperty("autostart").GetBoolean(),
            S("stopsignal"),
            S("uid"),
            env,
            S("stdout"),
            S("stderr"),
            string.Join(",", p.GetProperty("exitcodes").EnumerateArray().Select(e => e.GetInt32())),
            S("umask"),
            S("startsecs")
        );
    }
}
