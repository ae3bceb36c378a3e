using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class HelpCommandSpecs
{
    [Fact]
    public void Help_lists_the_actions_in_supervisors_columns()
    {
        var run = Ctl.Run(new FakeSupervisor(), "help");

        run.Out.Should()
            .Be(
                "\n"
                    + "default commands (type help <topic>):\n"
                    + "=====================================\n"
                    + "add    exit      open  reload  restart   start   tail   \n"
                    + "avail  fg        pid   remove  shutdown  status  update \n"
                    + "clear  maintail  quit  reread  signal    stop    version\n"
                    + "\n"
            );
        run.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData("help", "help\t\tPrint a list of available actions\nhelp <action>\tPrint help for <action>\n")]
    [InlineData("foo", "*** No help on foo\n")]
    [InlineData("EOF", "*** No help on EOF\n")]
    [InlineData("quit", "quit\tExit the supervisor shell.\n")]
    [InlineData("exit", "exit\tExit the supervisor shell.\n")]
    [InlineData("fg", "fg <process>\tConnect to a process in foreground mode\n\t\tCtrl-C to exit\n")]
    [InlineData(
        "open",
        "open <url>\tConnect to a remote supervisord process.\n\t\t(for UNIX domain socket, use unix:///socket/path)\n"
    )]
    [InlineData("add", "add <name> [...]\tActivates any updates in config for process/group\n")]
    [InlineData("remove", "remove <name> [...]\tRemoves process/group from active config\n")]
    [InlineData(
        "pid",
        "pid\t\t\tGet the PID of supervisord.\npid <name>\t\tGet the PID of a single child process by name.\npid all\t\t\tGet the PID of every child process, one per line.\n"
    )]
    [InlineData(
        "status",
        "status <name>\t\tGet status for a single process\nstatus <gname>:*\tGet status for all processes in a group\nstatus <name> <name>\tGet status for multiple named processes\nstatus\t\t\tGet all process status info\n"
    )]
    [InlineData(
        "update",
        "update\t\t\tReload config and add/remove as necessary, and will restart affected programs\nupdate all\t\tReload config and add/remove as necessary, and will restart affected programs\nupdate <gname> [...]\tUpdate specific groups\n"
    )]
    public void Help_on_a_topic_prints_supervisors_text(string topic, string expected)
    {
        var run = Ctl.Run(new FakeSupervisor(), "help", topic);

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void A_question_mark_means_help()
    {
        Ctl.Run(new FakeSupervisor(), "?quit").Out.Should().Be("quit\tExit the supervisor shell.\n");
    }

    [Theory]
    [InlineData("quit")]
    [InlineData("exit")]
    [InlineData("EOF")]
    public void Leaving_actions_print_a_newline_and_exit_0(string action)
    {
        var run = Ctl.Run(new FakeSupervisor(), action);

        run.Out.Should().Be("\n");
        run.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData("bash", "complete -F _supervisorctl supervisorctl")]
    [InlineData("zsh", "compdef _supervisorctl supervisorctl")]
    public void Completion_prints_a_script_for_the_shell(string shell, string registration)
    {
        var run = Ctl.Run(new FakeSupervisor(), "completion", shell);

        run.Out.Should().Contain(registration).And.Contain("add avail clear");
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Completion_without_a_known_shell_exits_2()
    {
        var run = Ctl.Run(new FakeSupervisor(), "completion", "fish");

        run.Out.Should().StartWith("Error: completion requires a shell name: bash or zsh\n");
        run.ExitCode.Should().Be(2);
    }
}
