using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// superlance 2.0.0's memmon and httpok as [eventlistener:x] with events=TICK_5, in a venv over Debian's supervisor
/// package: on each TICK they call getAllProcessInfo through childutils (SUPERVISOR_SERVER_URL) and restart with
/// stopProcess + startProcess. SuperlanceReplaySpecs replays the same calls from a plain program.
/// </summary>
public sealed class SuperlanceSpecs
{
    [ClientFact(Client.Superlance)]
    public async Task Memmon_restarts_a_program_over_its_memory_limit()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                $$"""
                [program:hog]
                command={CHILD} hang

                [eventlistener:memmon]
                command={{ClientTools.Superlance}}/memmon -p hog=1KB
                events=TICK_5
                stderr_logfile={W}/memmon.err
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("hog", "RUNNING");
        var first = await PidOfAsync(daemon, "hog");

        await Eventually.UntilAsync(
            async () => await PidOfAsync(daemon, "hog") is { } pid && pid != first && pid != "0",
            "memmon restarted hog",
            TimeSpan.FromSeconds(30)
        );

        ClientTools
            .ReadIfAny(daemon, "memmon.err")
            .Should()
            .Contain("RSS of hog:hog is ")
            .And.Contain("Restarting hog:hog");
        await daemon.WaitForStateAsync("hog", "RUNNING");
    }

    [ClientFact(Client.Superlance)]
    public async Task Httpok_restarts_a_program_whose_http_endpoint_stops_answering()
    {
        var port = ClientTools.FreePort();
        await using var daemon = Infrastructure.Daemon.WithConfig(
            $$"""
            [program:web]
            command={{ClientTools.DebianPython}} -m http.server {{port}} --bind 127.0.0.1 --directory {W}/www

            [eventlistener:httpok]
            command={{ClientTools.Superlance}}/httpok -p web -c 200 -t 5 http://127.0.0.1:{{port}}/alive
            events=TICK_5
            stderr_logfile={W}/httpok.err
            """
        );
        Directory.CreateDirectory(Path.Combine(daemon.Directory, "www"));
        var alive = Path.Combine(daemon.Directory, "www/alive");
        File.WriteAllText(alive, "ok");
        await daemon.StartAsync();
        await daemon.WaitForStateAsync("web", "RUNNING");
        var first = await PidOfAsync(daemon, "web");

        File.Delete(alive);
        await Eventually.UntilAsync(
            () => ClientTools.ReadIfAny(daemon, "httpok.err").Contains("web restarted", StringComparison.Ordinal),
            "httpok restarted web after its URL began to answer 404",
            TimeSpan.FromSeconds(30)
        );
        File.WriteAllText(alive, "ok");

        ClientTools.ReadIfAny(daemon, "httpok.err").Should().Contain("web is in RUNNING state, restarting");
        await daemon.WaitForStateAsync("web", "RUNNING");
        (await PidOfAsync(daemon, "web")).Should().NotBe(first);
    }

    private static async Task<string> PidOfAsync(Infrastructure.Daemon daemon, string name) =>
        (await daemon.CtlAsync("pid", name)).Output.Trim();
}
