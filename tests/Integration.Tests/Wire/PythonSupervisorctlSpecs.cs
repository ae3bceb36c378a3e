using System.Text;
using CliWrap;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Wire;

/// <summary>
/// Python's own supervisorctl 4.2.5 against our daemon, over the Unix socket of [unix_http_server]: XML-RPC for the
/// commands, /logtail and /mainlogtail for tail -f, maintail -f and fg. The whole conformance suite also runs it
/// (`conform.py check --ctl /usr/bin/supervisorctl`); these specs pin the streaming paths it does not cover.
/// </summary>
public sealed class PythonSupervisorctlSpecs
{
    private const string Programs = """
        [program:sleeper]
        command={CHILD} hang

        [program:talker]
        command=/bin/sh -c 'i=0; while true; do echo "line $i é"; i=$((i+1)); sleep 0.1; done'

        [program:catter]
        command=/bin/cat

        [group:grp]
        programs=a,b

        [program:a]
        command={CHILD} hang

        [program:b]
        command={CHILD} hang
        """;

    [ToolFact(PythonCtl.Path)]
    public async Task Status_start_stop_and_restart_print_what_supervisor_prints()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        await daemon.WaitForStateAsync("sleeper", "RUNNING");

        var status = await PythonCtl.RunAsync(daemon.ConfigPath, "status");
        status.ExitCode.Should().Be(0, status.Output);
        status.Output.Should().MatchRegex(@"(?m)^grp:a {28}RUNNING   pid \d+, uptime \d+:\d\d:\d\d$");
        (await PythonCtl.RunAsync(daemon.ConfigPath, "stop", "sleeper")).Output.Should().Be("sleeper: stopped\n");
        (await PythonCtl.RunAsync(daemon.ConfigPath, "restart", "grp:*"))
            .Output.Should()
            .Be("grp:a: stopped\ngrp:b: stopped\ngrp:a: started\ngrp:b: started\n");
        var missing = await PythonCtl.RunAsync(daemon.ConfigPath, "status", "nope");
        missing.Should().Be(new CtlResult(4, "nope: ERROR (no such process)\n"));
        (await PythonCtl.RunAsync(daemon.ConfigPath, "version")).Output.Should().Be("4.2.5\n");
    }

    [ToolFact(PythonCtl.Path)]
    public async Task Tail_f_streams_the_lines_a_program_writes_afterwards()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        await daemon.WaitForStateAsync("talker", "RUNNING");

        var output = await FollowAsync(daemon, ["tail", "-f", "talker"], seen => CountLines(seen, "line ") >= 15);

        output.Should().StartWith("==> Press Ctrl-C to exit <==\n");
        output.Should().Contain("é").And.NotContain("Undecodable");
    }

    [ToolFact(PythonCtl.Path)]
    public async Task Maintail_f_streams_the_main_log()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        await daemon.WaitForStateAsync("sleeper", "RUNNING");

        var output = await FollowAsync(
            daemon,
            ["maintail", "-f"],
            seen => seen.Contains("stopped: sleeper", StringComparison.Ordinal),
            whileFollowing: () => daemon.CtlAsync("stop", "sleeper")
        );

        output.Should().Contain("success: sleeper entered RUNNING state");
    }

    [ToolFact(PythonCtl.Path)]
    public async Task Tail_f_of_an_unknown_name_says_404_and_exits_0()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();

        var result = await PythonCtl.RunAsync(daemon.ConfigPath, "tail", "-f", "nope");

        result.ExitCode.Should().Be(0);
        result
            .Output.Should()
            .EndWith($"unix://{daemon.SocketPath}/logtail/nope/stdout Cannot read, status code 404\n");
    }

    [ToolFact(PythonCtl.Path)]
    public async Task Fg_sends_typed_lines_to_the_program_and_shows_its_output()
    {
        await using var daemon = await Infrastructure.Daemon.WithConfig(Programs).StartAsync();
        await daemon.WaitForStateAsync("catter", "RUNNING");
        var seen = new StringBuilder();
        var input = PipeSource.Create(
            async (stdin, cancellationToken) =>
            {
                await stdin.WriteAsync("hello through fg\n"u8.ToArray(), cancellationToken);
                await stdin.FlushAsync(cancellationToken);
                await Eventually.UntilAsync(
                    () => Snapshot(seen).Contains("hello through fg", StringComparison.Ordinal),
                    "fg echoes the line",
                    TimeSpan.FromSeconds(20)
                );
            }
        );

        var result = await Cli.Wrap(PythonCtl.Path)
            .WithArguments(["-c", daemon.ConfigPath, "fg", "catter"])
            .WithStandardInputPipe(input)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append(seen, line)))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Snapshot(seen).Should().Contain("hello through fg");
        result.ExitCode.Should().Be(0);
    }

    /// <summary>Runs a following command until <paramref name="done"/> holds for its output, then interrupts it.</summary>
    internal static async Task<string> FollowAsync(
        Infrastructure.Daemon daemon,
        string[] arguments,
        Func<string, bool> done,
        Func<Task>? whileFollowing = null
    )
    {
        var seen = new StringBuilder();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = Cli.Wrap(PythonCtl.Path)
            .WithArguments(["-c", daemon.ConfigPath, .. arguments])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append(seen, line)))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(CancellationToken.None, stop.Token);
        await Eventually.UntilAsync(
            () => Snapshot(seen).Contains("Press Ctrl-C", StringComparison.Ordinal),
            "the stream opened",
            TimeSpan.FromSeconds(20)
        );
        if (whileFollowing is not null)
        {
            await whileFollowing();
        }
        await Eventually.UntilAsync(
            () => done(Snapshot(seen)),
            "the expected output arrived",
            TimeSpan.FromSeconds(20)
        );
        await stop.CancelAsync();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Interrupted as a user's Ctrl-C would.
        }
        return Snapshot(seen);
    }

    private static int CountLines(string text, string prefix) =>
        text.Split('\n').Count(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static void Append(StringBuilder builder, string line)
    {
        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
