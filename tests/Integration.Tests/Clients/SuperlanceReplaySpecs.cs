using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// memmon's and httpok's exact XML-RPC calls (clients.md §4.1), made as they make them: from a child, through
/// supervisor.childutils.getRPCInterface(os.environ), which reads SUPERVISOR_SERVER_URL (and sends an empty
/// "Basic Og==" when SUPERVISOR_USERNAME/PASSWORD are unset). This runs without TICK events; SuperlanceSpecs runs
/// the listeners themselves.
/// </summary>
public sealed class SuperlanceReplaySpecs
{
    /// <summary>memmon's restart(): getAllProcessInfo, then getProcessInfo, stopProcess, startProcess on "group:name";
    /// httpok's test of spec['state'] is ProcessStates.RUNNING.</summary>
    public const string Script = """
        import os, sys, time
        from supervisor import childutils
        from supervisor.states import ProcessStates
        rpc = childutils.getRPCInterface(os.environ)
        print('url', os.environ['SUPERVISOR_SERVER_URL'], flush=True)
        infos = rpc.supervisor.getAllProcessInfo()
        victim = [i for i in infos if i['name'] == 'victim'][0]
        pname = '%s:%s' % (victim['group'], victim['name'])
        info = rpc.supervisor.getProcessInfo(pname)
        uptime = info['now'] - info['start']
        running = victim['state'] is ProcessStates.RUNNING
        rpc.supervisor.stopProcess(pname)
        rpc.supervisor.startProcess(pname)
        after = rpc.supervisor.getProcessInfo(pname)
        print('restarted', pname, victim['pid'], after['pid'], after['statename'], running, uptime >= 0, flush=True)
        """;

    [ClientFact(Client.Childutils)]
    public async Task A_child_restarts_another_program_through_childutils_over_the_unix_socket()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                $$"""
                [program:victim]
                command={CHILD} hang

                [program:driver]
                command={{ClientTools.DebianPython}} {W}/driver.py
                autostart=false
                autorestart=false
                startsecs=0
                stdout_logfile={W}/driver.log
                stderr_logfile={W}/driver.err
                """
            )
            .StartAsync();
        File.WriteAllText(Path.Combine(daemon.Directory, "driver.py"), Script);
        await daemon.WaitForStateAsync("victim", "RUNNING");
        var before = await daemon.CtlAsync("pid", "victim");

        (await daemon.CtlAsync("start", "driver")).Output.Should().Be("driver: started\n");
        await Eventually.UntilAsync(
            () =>
                ClientTools.ReadIfAny(daemon, "driver.log").Contains("restarted", StringComparison.Ordinal)
                || ClientTools.ReadIfAny(daemon, "driver.err").Contains("Error", StringComparison.Ordinal),
            "the driver restarted the victim",
            TimeSpan.FromSeconds(30)
        );

        var lines = ClientTools.ReadIfAny(daemon, "driver.log").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2, ClientTools.ReadIfAny(daemon, "driver.err"));
        lines[0].Should().Be($"url unix://{daemon.SocketPath}");
        var fields = lines[1].Split(' ');
        fields[..3].Should().Equal("restarted", "victim:victim", before.Output.Trim());
        fields[3].Should().NotBe(fields[2], "the victim got a new pid");
        fields[4..].Should().Equal("RUNNING", "True", "True");
        (await daemon.CtlAsync("pid", "victim")).Output.Trim().Should().Be(fields[3]);
    }
}
