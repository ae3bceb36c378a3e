using Supervise.Supervisorctl.CommandLine;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.CommandLine;

public sealed class CommandLineSpecs
{
    [Theory]
    [InlineData(new[] { "tail", "-100", "name", "stderr" }, new[] { "tail", "-100", "name", "stderr" })]
    [InlineData(new[] { "-c", "file", "status" }, new[] { "status" })]
    [InlineData(new[] { "-s", "unix:///x", "tail", "-f", "name" }, new[] { "tail", "-f", "name" })]
    [InlineData(new[] { "--", "-c" }, new[] { "-c" })]
    [InlineData(new[] { "-i" }, new string[0])]
    public void Options_end_at_the_first_word_that_is_not_one(string[] args, string[] action)
    {
        new CtlCommandLine().Parse(args).Action.Should().Equal(action);
    }

    [Fact]
    public void Options_bind_in_every_getopt_spelling()
    {
        var parsed = new CtlCommandLine().Parse([
            "-ic",
            "a.conf",
            "-shttp://h:1",
            "--user=bob",
            "--pass",
            "pw",
            "--history_file",
            "h",
            "status",
        ]);

        parsed.Should().Be(new CtlArguments("a.conf", "http://h:1", "bob", "pw", "h", true, false, parsed.Action));
        parsed.Action.Should().Equal("status");
    }

    [Theory]
    [InlineData(new[] { "-x" }, "option -x not recognized")]
    [InlineData(new[] { "--bogus" }, "option --bogus not recognized")]
    [InlineData(new[] { "-c" }, "option -c requires argument")]
    [InlineData(new[] { "--serverurl" }, "option --serverurl requires argument")]
    [InlineData(new[] { "--interactive=3" }, "option --interactive must not have an argument")]
    [InlineData(new[] { "--h" }, "option --h not a unique prefix")]
    [InlineData(new[] { "-s", "foo", "status" }, "invalid value for -s 'foo': value 'foo' is not a URL")]
    [InlineData(new[] { "--s", "foo" }, "invalid value for --serverurl 'foo': value 'foo' is not a URL")]
    [InlineData(new[] { "-c", "a", "-c", "b" }, "conflicting command line option '-c'")]
    [InlineData(new[] { "-i", "--interactive" }, "conflicting command line option '--interactive'")]
    public void Bad_options_are_usage_errors_in_getopts_words(string[] args, string message)
    {
        var run = Ctl.Run(new FakeSupervisor(), args);

        run.Error.Should().Be($"Error: {message}\nFor help, use /usr/bin/supervisorctl -h\n");
        run.Out.Should().BeEmpty();
        run.ExitCode.Should().Be(2);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--help")]
    [InlineData("--he")]
    public void Help_prints_supervisors_usage_and_exits_0(string option)
    {
        var run = Ctl.Run(new FakeSupervisor(), option, "status");

        run.Out.Should()
            .StartWith(
                "supervisorctl -- control applications run by supervisord from the cmd line.\n\nUsage: /usr/bin/supervisorctl [options] [action [arguments]]\n"
            )
            .And.EndWith("Use the action \"help\" to find out about available\nactions.\n\n");
        run.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData("http://localhost:9001", true)]
    [InlineData("unix:///tmp/x.sock", true)]
    [InlineData("localhost:9001", true)]
    [InlineData("foo", false)]
    [InlineData("http://", false)]
    [InlineData("9001:x", false)]
    public void Server_urls_are_checked_as_supervisor_checks_them(string url, bool valid)
    {
        ServerUrl.LooksLikeUrl(url).Should().Be(valid);
    }
}
