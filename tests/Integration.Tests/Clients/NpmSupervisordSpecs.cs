using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// The npm package supervisord 0.1.0 (crcn/node-supervisord over node-xmlrpc): `connect('unix:///…')` posts to /RPC2
/// on the socket. Its callbacks get node-xmlrpc's decoding of our replies (ints, strings, booleans, faults).
/// </summary>
public sealed class NpmSupervisordSpecs
{
    private const string Script = """
        const client = require('supervisord').connect(process.argv[2]);
        const out = {};
        client.getAllProcessInfo((error, infos) => {
          if (error) { console.log(JSON.stringify({ error: String(error) })); return; }
          out.infos = infos;
          client.stopProcess('web', (e1, stopped) => {
            out.stopped = e1 ? String(e1) : stopped;
            client.startProcess('web', (e2, started) => {
              out.started = e2 ? String(e2) : started;
              client.getProcessInfo('nope', (fault) => {
                out.fault = fault ? { code: fault.faultCode, text: fault.faultString } : null;
                console.log(JSON.stringify(out));
              });
            });
          });
        });
        """;

    [ClientFact(Client.NpmSupervisord)]
    public async Task GetAllProcessInfo_stop_start_and_a_fault_decode_over_the_unix_socket()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:web]
                command={CHILD} hang

                [program:idle]
                command={CHILD} hang
                autostart=false
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("web", "RUNNING");
        var script = Path.Combine(daemon.Directory, "client.js");
        File.WriteAllText(script, Script);

        var result = await Cli.Wrap(ClientTools.Node)
            .WithArguments([script, $"unix://{daemon.SocketPath}"])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["NODE_PATH"] = ClientTools.NodeModules })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        result.ExitCode.Should().Be(0, result.StandardError);
        using var reply = JsonDocument.Parse(result.StandardOutput);
        var root = reply.RootElement;
        root.TryGetProperty("error", out var error).Should().BeFalse(error.ToString());
        var infos = root.GetProperty("infos").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        infos.Keys.Should().BeEquivalentTo("web", "idle");
        infos["web"].GetProperty("statename").GetString().Should().Be("RUNNING");
        infos["web"].GetProperty("state").GetInt32().Should().Be(20);
        infos["web"].GetProperty("pid").GetInt32().Should().BePositive();
        infos["web"].GetProperty("description").GetString().Should().MatchRegex(@"^pid \d+, uptime \d+:\d\d:\d\d$");
        infos["idle"].GetProperty("description").GetString().Should().Be("Not started");
        root.GetProperty("stopped").GetBoolean().Should().BeTrue();
        root.GetProperty("started").GetBoolean().Should().BeTrue();
        root.GetProperty("fault").GetProperty("code").GetInt32().Should().Be(10);
        root.GetProperty("fault").GetProperty("text").GetString().Should().Be("BAD_NAME: nope");
    }
}
