using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>The actor on real children: spawn, reap, log capture, stop, restart.</summary>
public sealed class SupervisedProcessSpecs : IAsyncLifetime
{
    private readonly EngineFixture _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_started_program_runs_and_its_output_reaches_its_log_file()
    {
        var config = TestConfigs.Program("echo", "/bin/sh -c 'echo hello; exec sleep 30'") with
        {
            StartSecs = 0,
            Stdout = _engine.FileLog("echo.log"),
        };
        var process = _engine.Add(config).Processes[0];

        await process.StartAsync();
        var running = await EngineFixture.WaitFor(process, ProcessState.Running);

        running.Pid.Should().BePositive();
        await Eventually.UntilAsync(() =>
            File.Exists(config.Stdout.Path!) && File.ReadAllText(config.Stdout.Path!) == "hello\n"
        );
    }

    [Fact]
    public async Task A_stopped_program_is_stopped_with_its_exit_reported()
    {
        var process = _engine.Add(TestConfigs.Program("sleeper", "/bin/sleep 30") with { StartSecs = 0 }).Processes[0];
        await process.StartAsync();
        var running = await EngineFixture.WaitFor(process, ProcessState.Running);

        await process.StopAsync();
        var stopped = await EngineFixture.WaitFor(process, ProcessState.Stopped);

        stopped.Pid.Should().Be(0);
        stopped.ExitStatus.Should().Be(-1);
        File.Exists($"/proc/{running.Pid}/stat").Should().BeFalse();
    }

    [Fact]
    public async Task A_crashing_program_is_restarted_with_a_new_pid()
    {
        var process = _engine
            .Add(TestConfigs.Program("crasher", "/bin/sh -c 'sleep 0.3; exit 3'") with { StartSecs = 0 })
            .Processes[0];
        await process.StartAsync();
        var first = await EngineFixture.WaitFor(process, ProcessState.Running);

        var second = await process.WaitForAsync(
            s => s.State == ProcessState.Running && s.Pid != first.Pid,
            new CancellationTokenSource(10_000).Token
        );

        second.Pid.Should().NotBe(first.Pid);
    }

    [Fact]
    public async Task A_program_that_cannot_be_found_ends_fatal()
    {
        var process = _engine
            .Add(TestConfigs.Program("ghost", "/nonexistent/ghost") with { StartRetries = 0 })
            .Processes[0];

        await process.StartAsync();
        var fatal = await EngineFixture.WaitFor(process, ProcessState.Fatal);

        fatal.SpawnError.Should().Be("can't find command '/nonexistent/ghost'");
    }

    [Fact]
    public async Task Redirected_stderr_lands_in_the_stdout_log()
    {
        var config = TestConfigs.Program("both", "/bin/sh -c 'echo out; echo err >&2; exec sleep 30'") with
        {
            StartSecs = 0,
            RedirectStderr = true,
            Stdout = _engine.FileLog("both.log"),
        };
        var process = _engine.Add(config).Processes[0];

        await process.StartAsync();

        await Eventually.UntilAsync(() =>
            File.Exists(config.Stdout.Path!) && File.ReadAllText(config.Stdout.Path!) == "out\nerr\n"
        );
    }
}
