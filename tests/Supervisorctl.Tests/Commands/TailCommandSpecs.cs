using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Commands;

public sealed class TailCommandSpecs
{
    private static FakeSupervisor Daemon() =>
        new() { OnReadLog = (name, channel, offset) => $"{name} {channel} {offset}" };

    [Theory]
    [InlineData(new[] { "tail", "web" }, "ReadLog web Stdout -1600 0")]
    [InlineData(new[] { "tail", "-100", "web" }, "ReadLog web Stdout -100 0")]
    [InlineData(new[] { "tail", "-100", "web", "stderr" }, "ReadLog web Stderr -100 0")]
    [InlineData(new[] { "tail", "web", "STDERR" }, "ReadLog web Stderr -1600 0")]
    [InlineData(new[] { "tail", "web", "x", "stdout" }, "ReadLog web Stdout -1600 0")]
    public void Tail_reads_the_last_bytes_of_the_chosen_channel(string[] args, string call)
    {
        var daemon = Daemon();

        var run = Ctl.Run(daemon, args);

        daemon.Calls.Should().Equal("GetVersion", call);
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Tail_prints_the_log_text_and_a_newline()
    {
        var daemon = new FakeSupervisor { OnReadLog = (_, _, _) => "line 1\nline 2" };

        Ctl.Run(daemon, "tail", "web").Out.Should().Be("line 1\nline 2\n");
    }

    [Theory]
    [InlineData(new[] { "tail", "envdump", "foo" }, "Error: bad channel 'foo'\n")]
    [InlineData(new[] { "tail", "-x", "web" }, "Error: bad argument -x\n")]
    [InlineData(new[] { "tail", "-f" }, "Error: tail requires process name\n")]
    public void Tail_argument_errors_exit_1(string[] args, string expected)
    {
        var run = Ctl.Run(Daemon(), args);

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Tail_with_too_few_or_too_many_arguments_prints_help()
    {
        var tooFew = Ctl.Run(Daemon(), "tail");
        var tooMany = Ctl.Run(Daemon(), "tail", "-f", "a", "b", "c");

        tooFew.Out.Should().StartWith("Error: too few arguments\ntail [-f] <name> [stdout|stderr] (default stdout)\n");
        tooMany.Out.Should().StartWith("Error: too many arguments\ntail [-f] <name>");
        tooFew.ExitCode.Should().Be(1);
        tooMany.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData(Fault.NoFile, "web: ERROR (no log file)\n")]
    [InlineData(Fault.Failed, "web: ERROR (unknown error reading log)\n")]
    [InlineData(Fault.BadName, "web: ERROR (no such process name)\n")]
    public void Tail_read_faults_exit_1(Fault fault, string expected)
    {
        var daemon = new FakeSupervisor { OnReadLog = (name, _, _) => throw Info.Fault(fault, name) };

        var run = Ctl.Run(daemon, "tail", "web");

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Tail_f_prints_the_banner_then_streams_until_ctrl_c()
    {
        var daemon = new FakeSupervisor { OnTail = (_, _) => ["hello ", "world\n"] };
        using var interrupt = new CancellationTokenSource();
        var output = new StringWriter { NewLine = "\n" };
        var environment = new CtlEnvironment(
            output,
            TextWriter.Null,
            new ScriptedConsole(output),
            _ => daemon,
            new Dictionary<string, string>(),
            "/",
            [],
            "supervisorctl",
            TimeZoneInfo.Utc
        )
        {
            CommandToken = () => interrupt.Token,
        };

        var run = CtlApp.RunAsync(["tail", "-f", "web", "stderr"], environment);
        await Eventually.UntilAsync(() => output.ToString().Contains("world"), "the follow printed the new output");
        await interrupt.CancelAsync();
        var exit = await run.WaitAsync(TimeSpan.FromSeconds(10));

        output.ToString().Should().Be("==> Press Ctrl-C to exit <==\nhello world\n\n");
        exit.Should().Be(0);
        daemon.Calls.Should().Equal("GetVersion", "TailLog web Stderr 1024 True");
    }

    [Fact]
    public void Tail_f_of_an_unknown_process_says_so_and_exits_1()
    {
        var daemon = new FakeSupervisor { OnTail = (name, _) => throw Info.Fault(Fault.BadName, name) };

        var run = Ctl.Run(daemon, "tail", "-f", "nosuch");

        run.Out.Should().Be("==> Press Ctrl-C to exit <==\nnosuch: ERROR (no such process name)\n");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Maintail_reads_the_main_log()
    {
        var daemon = Daemon();

        Ctl.Run(daemon, "maintail", "-200");

        daemon.Calls.Should().Equal("GetVersion", "ReadLog  Stdout -200 0");
    }

    [Theory]
    [InlineData(new[] { "maintail", "x" }, "Error: bad argument x\n")]
    [InlineData(new[] { "maintail", "-x" }, "Error: bad argument -x\n")]
    public void Maintail_argument_errors_exit_1(string[] args, string expected)
    {
        var run = Ctl.Run(Daemon(), args);

        run.Out.Should().Be(expected);
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Maintail_with_too_many_arguments_prints_help_with_its_trailing_blank_line()
    {
        var run = Ctl.Run(Daemon(), "maintail", "-f", "x");

        run.Out.Should()
            .Be(
                "Error: too many arguments\n"
                    + "maintail -f \tContinuous tail of supervisor main log file (Ctrl-C to exit)\n"
                    + "maintail -100\tlast 100 *bytes* of supervisord main log file\n"
                    + "maintail\tlast 1600 *bytes* of supervisor main log file\n\n"
            );
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Maintail_without_a_log_file_says_so()
    {
        var daemon = new FakeSupervisor { OnReadLog = (_, _, _) => throw Info.Fault(Fault.NoFile) };

        var run = Ctl.Run(daemon, "maintail");

        run.Out.Should().Be("supervisord: ERROR (no log file)\n");
        run.ExitCode.Should().Be(1);
    }
}
