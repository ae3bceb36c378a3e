using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

/// <summary>The state machine on the real daemon and real children, observed through the ctl and the main log.</summary>
public sealed class ProcessLifecycleSpecs
{
    [Fact]
    public async Task An_autostart_program_is_running_after_startsecs()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:web]
                command={CHILD} print:up hang
                startsecs=1
                """
            )
            .StartAsync();

        await daemon.WaitForStateAsync("web", "RUNNING", 10);

        var log = MainLog.Read(daemon).Select(l => l.Message).ToList();
        log.Should().Contain(m => m.StartsWith("spawned: 'web' with pid ", StringComparison.Ordinal));
        log.Should()
            .Contain("success: web entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)");
    }

    [Fact]
    public async Task Backoff_delays_are_one_two_and_three_seconds_then_fatal()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:flaky]
                command=/bin/sh -c 'exit 1'
                startsecs=1
                startretries=3
                """
            )
            .StartAsync();

        await daemon.WaitForStateAsync("flaky", "FATAL", 20);

        var spawns = MainLog.TimesOf(daemon, "spawned: 'flaky'");
        spawns.Should().HaveCount(4);
        for (var i = 1; i < spawns.Count; i++)
        {
            var gap = (spawns[i] - spawns[i - 1]).TotalSeconds;
            gap.Should().BeInRange(i * 0.9, i * 1.1, "backoff {0} should wait {0} s", i);
        }
        (await daemon.CtlAsync("status", "flaky"))
            .Output.Should()
            .Contain("FATAL     Exited too quickly (process log may have details)");
    }

    [Fact]
    public async Task A_crashed_program_is_restarted_after_each_unexpected_exit()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:crasher]
                command=/bin/sh -c 'sleep 0.3; exit 3'
                startsecs=0
                autorestart=unexpected
                """
            )
            .StartAsync();

        await Eventually.UntilAsync(() => MainLog.TimesOf(daemon, "spawned: 'crasher'").Count >= 3, "three spawns");

        // The restart gap itself is measured by bench/, not asserted here.
        var log = MainLog.Read(daemon).Select(l => (l.Level, l.Message)).ToList();
        var firstExit = log.IndexOf(("WARN", "exited: crasher (exit status 3; not expected)"));
        firstExit.Should().BePositive();
        log.Skip(firstExit + 1)
            .Should()
            .Contain(l => l.Message.StartsWith("spawned: 'crasher' with pid ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expected_exit_with_autorestart_false_stays_exited()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:once]
                command=/bin/sh -c 'sleep 1.2; exit 0'
                autorestart=false
                startsecs=1
                """
            )
            .StartAsync();

        await daemon.WaitForStateAsync("once", "EXITED", 10);

        var status = await daemon.CtlAsync("status");
        status.ExitCode.Should().Be(3);
        MainLog
            .Read(daemon)
            .Should()
            .Contain(l => l.Message == "exited: once (exit status 0; expected)" && l.Level == "INFO");
    }

    [Fact]
    public async Task Stop_escalates_to_sigkill_after_stopwaitsecs()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:stubborn]
                command={CHILD} ignore-term print:ready hang
                startsecs=0
                stopwaitsecs=1
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("stubborn", "RUNNING");
        await Eventually.UntilAsync(
            () =>
                Directory
                    .GetFiles(Path.Combine(daemon.Directory, "childlogs"))
                    .Any(f => File.ReadAllText(f).Contains("ready", StringComparison.Ordinal)),
            "the child ignores TERM"
        );

        var stop = await daemon.CtlAsync("stop", "stubborn");

        stop.Output.Trim().Should().Be("stubborn: stopped");
        var log = MainLog.Read(daemon).Select(l => l.Message).ToList();
        log.Should()
            .Contain(m =>
                m.StartsWith("killing 'stubborn' (", StringComparison.Ordinal)
                && m.EndsWith(") with SIGKILL", StringComparison.Ordinal)
            );
        log.Should().Contain("stopped: stubborn (terminated by SIGKILL)");
    }

    [Fact]
    public async Task A_missing_command_ends_fatal_with_supervisors_message()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:ghost]
                command=/nonexistent/bin/ghost --flag
                startretries=1
                """
            )
            .StartAsync();

        await daemon.WaitForStateAsync("ghost", "FATAL", 15);

        (await daemon.CtlAsync("status", "ghost"))
            .Output.Should()
            .Contain("can't find command '/nonexistent/bin/ghost'");
    }

    [Fact]
    public async Task A_command_that_is_not_executable_is_refused_by_start()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:noexec]
                command={W}/script.sh
                autostart=false
                """
            )
            .StartAsync();
        File.WriteAllText(Path.Combine(daemon.Directory, "script.sh"), "#!/bin/sh\nsleep 60\n");

        var start = await daemon.CtlAsync("start", "noexec");

        start.Output.Trim().Should().Be("noexec: ERROR (file is not executable)");
        start.ExitCode.Should().Be(1);
    }
}
