using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;
using Supervise.Supervisord.Tests.Logging;
using Supervise.Supervisord.Tests.Processes;
using Supervise.Tests.Support;

namespace Supervise.Supervisord.Tests.Spawning;

/// <summary>The reaper on real children: statuses, statuses it cannot collect, and handlers that fail.</summary>
public sealed class ReaperSpecs : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CapturingLogger _log = new();
    private readonly Reaper _reaper = new();
    private readonly ProcessSpawner _spawner = new();
    private readonly List<SpawnedChild> _children = [];

    public ReaperSpecs()
    {
        _reaper.Logger = _log;
    }

    [Fact]
    public async Task A_childs_exit_code_reaches_its_handler()
    {
        var child = await Spawn("exit 3");
        var exited = new TaskCompletionSource<WaitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);

        _reaper.Watch(child.Pid, exited.SetResult);

        (await exited.Task.WaitAsync(Patience)).Should().Be(WaitStatus.FromExitCode(3));
    }

    [Fact]
    public async Task A_signal_death_reaches_its_handler_with_the_signal()
    {
        var child = await Spawn("kill -KILL $$");
        var exited = new TaskCompletionSource<WaitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);

        _reaper.Watch(child.Pid, exited.SetResult);

        (await exited.Task.WaitAsync(Patience)).Describe().Should().Be("terminated by SIGKILL");
    }

    [Fact]
    public async Task A_pid_whose_status_it_cannot_collect_is_reported_as_unknown_not_as_exit_status_0()
    {
        // The background sleep is the shell's child, not ours: waitpid on it says ECHILD, as for a pid reaped elsewhere.
        var child = await Spawn("sleep 0.5 & echo $!; wait");
        var grandchild = int.Parse(await FirstLine(child));
        var exited = new TaskCompletionSource<WaitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);

        _reaper.Watch(grandchild, exited.SetResult);

        var status = await exited.Task.WaitAsync(Patience);
        status.IsUnknown.Should().BeTrue();
        status.Describe().Should().Be("exit status unknown");
        status.IsExpected([0]).Should().BeFalse();
        _log.Lines.Should()
            .Contain(l => l.EventId == LogEventIds.ExitStatusLost && l.Message.Contains($"pid {grandchild}"));
    }

    [Fact]
    public async Task A_failing_exit_handler_is_reported_in_the_main_log()
    {
        var child = await Spawn("exit 0");
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _reaper.Watch(
            child.Pid,
            _ =>
            {
                called.SetResult();
                throw new InvalidOperationException("handler broke");
            }
        );
        await called.Task.WaitAsync(Patience);

        await Eventually.UntilAsync(
            () => _log.Lines.Any(l => l.EventId == LogEventIds.ExitHandlerFailed),
            "the failure is logged",
            Patience
        );
        _log.Lines.Should()
            .ContainSingle(l => l.EventId == LogEventIds.ExitHandlerFailed)
            .Which.Should()
            .Be(
                new LoggedLine(
                    LogLevel.Error,
                    LogEventIds.ExitHandlerFailed,
                    $"reaper: exit handler for pid {child.Pid} failed: handler broke"
                )
            );
    }

    [Fact]
    public async Task A_watched_child_is_signalled_through_the_reaper()
    {
        var child = await Spawn("sleep 30");
        var exited = new TaskCompletionSource<WaitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reaper.Watch(child.Pid, exited.SetResult);

        _reaper.Signal(child.Pid, SignalTable.SIGTERM, toGroup: false).Outcome.Should().Be(Signals.Outcome.Sent);

        (await exited.Task.WaitAsync(Patience)).Describe().Should().Be("terminated by SIGTERM");
    }

    [Fact]
    public async Task A_reaped_child_is_reported_gone_and_not_signalled()
    {
        var child = await Spawn("exit 0");
        var exited = new TaskCompletionSource<WaitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reaper.Watch(child.Pid, exited.SetResult);
        await exited.Task.WaitAsync(Patience);

        _reaper.Signal(child.Pid, SignalTable.SIGTERM, toGroup: false).Outcome.Should().Be(Signals.Outcome.AlreadyGone);
        _reaper.Signal(child.Pid, SignalTable.SIGTERM, toGroup: true).Outcome.Should().Be(Signals.Outcome.AlreadyGone);
    }

    [Fact]
    public void A_live_pid_the_reaper_does_not_watch_is_never_signalled()
    {
        // What a reused pid looks like: alive, but not the child that was watched. kill(pid, 0) would reach it.
        _reaper
            .Signal(Environment.ProcessId, 0, toGroup: false)
            .Should()
            .Be((Signals.Outcome.AlreadyGone, Errno.ESRCH));
    }

    public void Dispose()
    {
        foreach (var child in _children)
        {
            Signals.Send(child.Pid, SignalTable.SIGKILL, toGroup: true);
            Pipes.Close(child.StdinFd);
            Pipes.Close(child.StdoutFd);
        }
        _reaper.Dispose();
        _spawner.Dispose();
    }

    private async Task<SpawnedChild> Spawn(string script)
    {
        var request = new SpawnRequest(
            $"/bin/sh -c '{script}'",
            ChildEnvironment.CurrentProcess(),
            null,
            null,
            null,
            null,
            RedirectStderr: true
        );
        var (child, error) = await _spawner.SpawnAsync(request);
        child.Should().NotBeNull(error?.Message);
        _children.Add(child!);
        return child!;
    }

    private static async Task<string> FirstLine(SpawnedChild child)
    {
        var stdout = new FileStream(
            new SafeFileHandle(Dup(child.StdoutFd), ownsHandle: true),
            FileAccess.Read,
            bufferSize: 1
        );
        using var reader = new StreamReader(stdout);
        return (await reader.ReadLineAsync().WaitAsync(Patience))!;
    }

    private static int Dup(int fd) => Libc.dup(fd);
}
