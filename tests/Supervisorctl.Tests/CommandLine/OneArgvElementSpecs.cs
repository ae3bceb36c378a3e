using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.CommandLine;

/// <summary>
/// Ansible's supervisorctl module and Salt's custom() pass a whole command as one argv element ("signal USR1",
/// "status name"). Python's ctl joins the words after the options with spaces and splits the line again, so these
/// work there; the transcripts below were taken from Debian's supervisorctl 4.2.5 against its own supervisord.
/// </summary>
public sealed class OneArgvElementSpecs
{
    private static FakeSupervisor Daemon()
    {
        var daemon = new FakeSupervisor { OnSignal = (name, _) => [Info.Result(name, Protocol.V1.Fault.Success)] };
        daemon.Processes.AddRange([Info.Running("web", 7566), Info.Running("web2", 7567)]);
        return daemon;
    }

    [Fact]
    public void A_signal_and_its_name_in_one_element_after_the_options_signal_the_process()
    {
        var daemon = Daemon();

        var run = Ctl.Run(daemon, "-s", "unix:///run/x.sock", "signal USR1", "web");

        run.Should().Be(new CtlRun("web: signalled\n", "", 0));
        daemon.Calls.Should().Contain("Signal USR1 web");
    }

    [Fact]
    public void A_whole_status_command_in_one_element_prints_the_padded_line()
    {
        var run = Ctl.Run(Daemon(), "status web");

        run.Should().Be(new CtlRun("web                              RUNNING   pid 7566, uptime 0:00:12\n", "", 0));
    }

    [Fact]
    public void Spaces_inside_an_element_separate_names_as_spaces_between_elements_do()
    {
        var run = Ctl.Run(Daemon(), "status", "web  web2");

        run.Out.Should()
            .Be(
                "web                              RUNNING   pid 7566, uptime 0:00:12\n"
                    + "web2                             RUNNING   pid 7567, uptime 0:00:12\n"
            );
        run.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData("status \"web\"", "\"web\": ERROR (no such process)\n")]
    [InlineData("status 'web'", "'web': ERROR (no such process)\n")]
    [InlineData(
        "status web\\ web2",
        "web\\: ERROR (no such process)\nweb2                             RUNNING   pid 7567, uptime 0:00:12\n"
    )]
    public void Quotes_and_backslashes_are_not_shell_syntax_as_in_python(string line, string expected)
    {
        // Supervisor refuses a program name with a space ("Invalid name: 'my prog' because of character: ' '"), and its
        // ctl splits on whitespace only, so quoting a name never groups words: the quote is part of the name.
        var run = Ctl.Run(Daemon(), line);

        run.Should().Be(new CtlRun(expected, "", 4));
    }
}
