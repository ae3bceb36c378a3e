using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

public sealed class CheckReportSpecs
{
    [Fact]
    public void A_valid_config_lists_every_expanded_process_and_exits_0()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            [program:web]
            command=/bin/sh -c 'echo "hi there"' %(process_num)d
            process_name=web_%(process_num)d
            numprocs=2
            user=root
            directory=/tmp
            stdout_logfile=NONE
            redirect_stderr=true
            """
        );

        var output = CheckReport.Format(result);

        output.ExitCode.Should().Be(0);
        output
            .Text.Should()
            .Be(
                $"""
                {temp.Dir}/supervisord.conf: configuration OK (1 groups, 2 processes)

                web:web_0
                  argv:      /bin/sh -c 'echo "hi there"' 0
                  user:      root (uid 0)
                  directory: /tmp
                  priority:  999
                  autostart: true
                  stdout:    NONE
                  stderr:    redirected to stdout

                web:web_1
                  argv:      /bin/sh -c 'echo "hi there"' 1
                  user:      root (uid 0)
                  directory: /tmp
                  priority:  999
                  autostart: true
                  stdout:    NONE
                  stderr:    redirected to stdout

                """.Replace("\r\n", "\n")
            );
    }

    [Fact]
    public void A_process_named_like_its_group_is_shown_by_name_with_auto_logs()
    {
        using var temp = new TempConfig();
        var text = CheckReport.Format(temp.LoadWithHead("[program:cat]\ncommand=cat\n")).Text;

        text.Should().Contain("\ncat\n  argv:      cat\n  user:      (supervisord's)\n  directory: (supervisord's)\n");
        text.Should().Contain($"  stdout:    AUTO (in {temp.Dir})\n");
    }

    [Fact]
    public void An_invalid_config_prints_every_error_and_exits_2()
    {
        using var temp = new TempConfig();
        var output = CheckReport.Format(temp.LoadWithHead("[program:x]\ncommand=x\nautostart=maybe\nstopsignal=FOO\n"));

        output.ExitCode.Should().Be(2);
        output
            .Text.Should()
            .Be(
                $"{temp.Dir}/supervisord.conf:7 [program:x] autostart: not a valid boolean value: 'maybe'\n"
                    + $"{temp.Dir}/supervisord.conf:8 [program:x] stopsignal: value 'FOO' is not a valid signal name\n"
            );
    }

    [Fact]
    public void Warnings_follow_the_process_list()
    {
        using var temp = new TempConfig();
        CheckReport
            .Format(temp.LoadWithHead("[program:x]\ncommand=x\ntypo=1\n"))
            .Text.Should()
            .EndWith($"warning: {temp.Dir}/supervisord.conf:7 [program:x] typo: unknown option, ignored\n");
    }

    [Theory]
    [InlineData("a b  c", new[] { "a", "b", "c" })]
    [InlineData("sh -c 'x ; y'", new[] { "sh", "-c", "x ; y" })]
    [InlineData("echo \"a \\\" b\" c\\ d", new[] { "echo", "a \" b", "c d" })]
    [InlineData("echo \"\\n\"", new[] { "echo", "\\n" })]
    [InlineData("a''b \"\"", new[] { "ab", "" })]
    public void Commands_are_split_like_python_shlex(string command, string[] argv) =>
        CommandLine.Split(command, out _).Should().Equal(argv);

    [Theory]
    [InlineData("echo 'open", "No closing quotation")]
    [InlineData("echo \\", "No escaped character")]
    public void Unsplittable_commands_report_shlex_errors(string command, string error)
    {
        CommandLine.Split(command, out var message).Should().BeNull();
        message.Should().Be(error);
    }
}
