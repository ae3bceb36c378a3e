using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// Ansible's community.general.supervisorctl module (Debian's ansible 7.7.0), as an ad-hoc command on localhost. It
/// runs a supervisorctl and reads its output: `status` split on spaces, then "NAME: started", "NAME: stopped",
/// "NAME: signalled" (after passing "signal USR1" as one argv element), "NAME: removed process group" and
/// "NAME: added process group". Once with our ctl, once with Python's, both against our daemon.
/// </summary>
public sealed class AnsibleSpecs
{
    private const string Program = """
        [program:app]
        command=/usr/bin/python3 -u -c "import signal, time; signal.signal(signal.SIGUSR1, lambda *a: print('usr1')); time.sleep(10**6)"
        autostart=false
        startsecs=1
        stdout_logfile={W}/app.log
        """;

    [ClientFact(Client.Ansible)]
    public Task Every_state_reports_changed_driving_our_supervisorctl() => EveryStateAsync(Binaries.Supervisorctl);

    [ClientFact(Client.Ansible, Client.PythonCtl)]
    public Task Every_state_reports_changed_driving_pythons_supervisorctl() => EveryStateAsync(PythonCtl.Path);

    private static async Task EveryStateAsync(string supervisorctl)
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Program).StartAsync();
        var module = new Module(daemon, supervisorctl);

        await module.ChangesAsync("state=started");
        (await daemon.StateOfAsync("app")).Should().Be("RUNNING");
        await module.ChangesAsync("state=restarted");
        await module.ChangesAsync("state=signalled signal=USR1");
        await Eventually.UntilAsync(
            () => daemon.ReadFile("app.log").Contains("usr1", StringComparison.Ordinal),
            "the program got SIGUSR1",
            TimeSpan.FromSeconds(10)
        );
        await module.ChangesAsync("state=stopped");
        (await daemon.StateOfAsync("app")).Should().Be("STOPPED");
        await module.ChangesAsync("state=absent");
        (await daemon.CtlAsync("status", "app")).Output.Should().Be("app: ERROR (no such process)\n");
        await module.ChangesAsync("state=present");
        (await daemon.StateOfAsync("app")).Should().Be("STOPPED");
        await module.ChangesAsync("state=started");
        (await daemon.StateOfAsync("app")).Should().Be("RUNNING");
    }

    private sealed class Module(Infrastructure.Daemon daemon, string supervisorctl)
    {
        public async Task ChangesAsync(string state)
        {
            var arguments = $"name=app {state} config={daemon.ConfigPath} supervisorctl_path={supervisorctl}";
            var result = await Cli.Wrap(ClientTools.Ansible)
                .WithArguments(["localhost", "-c", "local", "-m", "community.general.supervisorctl", "-a", arguments])
                .WithEnvironmentVariables(
                    new Dictionary<string, string?>
                    {
                        ["ANSIBLE_LOCALHOST_WARNING"] = "false",
                        ["ANSIBLE_INVENTORY_UNPARSED_WARNING"] = "false",
                        ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(daemon.Directory, "ansible-local"),
                        ["ANSIBLE_REMOTE_TEMP"] = Path.Combine(daemon.Directory, "ansible-remote"),
                        ["ANSIBLE_NOCOLOR"] = "true",
                    }
                )
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(180)).Token);
            var output = result.StandardOutput + result.StandardError;

            output.Should().StartWith("localhost | CHANGED => {", $"ansible -a \"{arguments}\" reports changed");
            output.Should().NotContain("FAILED").And.Contain("\"changed\": true");
            result.ExitCode.Should().Be(0, output);
        }
    }
}
