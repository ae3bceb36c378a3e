using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Lifecycle;

/// <summary>update scales a group in place when only its processes were added or removed.</summary>
public sealed class ScalingSpecs
{
    private const string Program = """
        [program:web]
        command=/bin/sleep 600
        process_name=%(program_name)s_%(process_num)d
        numprocs={N}
        startsecs=0
        """;

    [Fact]
    public async Task Numprocs_3_then_5_then_2_keeps_the_surviving_processes_pids()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(Program.Replace("{N}", "3", StringComparison.Ordinal))
            .StartAsync();
        await Eventually.UntilAsync(async () => (await Pids(daemon)).Count == 3, "three processes run");
        var first = await Pids(daemon);

        await Rewrite(daemon, 5);
        var grow = await daemon.CtlAsync("update");

        grow.Output.Should().Be("web:web_3: added process\nweb:web_4: added process\nweb: updated process group\n");
        await Eventually.UntilAsync(async () => (await Pids(daemon)).Count == 5, "five processes run");
        var grown = await Pids(daemon);
        grown.Where(p => first.ContainsKey(p.Key)).Should().BeEquivalentTo(first, "the running ones were left alone");

        await Rewrite(daemon, 2);
        var shrink = await daemon.CtlAsync("update");

        shrink
            .Output.Should()
            .Be(
                "web:web_4: removed process\nweb:web_3: removed process\nweb:web_2: removed process\nweb: updated process group\n"
            );
        var shrunk = await Pids(daemon);
        shrunk
            .Should()
            .BeEquivalentTo(
                new Dictionary<string, int> { ["web:web_0"] = first["web:web_0"], ["web:web_1"] = first["web:web_1"] }
            );
        Native.IsAlive(grown["web:web_4"]).Should().BeFalse();
    }

    [Fact]
    public async Task Any_other_change_restarts_the_group_as_supervisor_does()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(Program.Replace("{N}", "2", StringComparison.Ordinal))
            .StartAsync();
        await Eventually.UntilAsync(async () => (await Pids(daemon)).Count == 2, "two processes run");
        var before = await Pids(daemon);

        File.WriteAllText(
            daemon.ConfigPath,
            File.ReadAllText(daemon.ConfigPath)
                .Replace("numprocs=2", "numprocs=3\nstopwaitsecs=5", StringComparison.Ordinal)
        );
        var update = await daemon.CtlAsync("update");

        update.Output.Should().Be("web: stopped\nweb: updated process group\n");
        await Eventually.UntilAsync(async () => (await Pids(daemon)).Count == 3, "three processes run");
        (await Pids(daemon))["web:web_0"].Should().NotBe(before["web:web_0"]);
    }

    private static Task Rewrite(Infrastructure.Daemon daemon, int numprocs)
    {
        var text = File.ReadAllText(daemon.ConfigPath);
        var start = text.IndexOf("numprocs=", StringComparison.Ordinal);
        var end = text.IndexOf('\n', start) is var n and >= 0 ? n : text.Length;
        File.WriteAllText(daemon.ConfigPath, text[..start] + $"numprocs={numprocs}" + text[end..]);
        return Task.CompletedTask;
    }

    /// <summary>Namespec to pid of every RUNNING process, from `status`.</summary>
    private static async Task<Dictionary<string, int>> Pids(Infrastructure.Daemon daemon)
    {
        var result = new Dictionary<string, int>();
        foreach (
            var line in (await daemon.CtlAsync("status")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        )
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 4 && fields[1] == "RUNNING" && fields[2] == "pid")
            {
                result[fields[0]] = int.Parse(
                    fields[3].TrimEnd(','),
                    System.Globalization.CultureInfo.InvariantCulture
                );
            }
        }
        return result;
    }
}
