using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>
/// The listener's side of the protocol up to READY, fed straight into the pool's tap on a listener's stdout (the
/// process itself is never started). What follows READY (the event, RESULT) needs a RUNNING listener and is covered
/// end to end by the EventListenerSpecs of Integration.Tests.
/// </summary>
public sealed class ListenerProtocolSpecs : IAsyncDisposable
{
    private const string Unknown =
        "listener: has entered the UNKNOWN state and will no longer receive events, this usually indicates the process violated the eventlistener protocol";
    private readonly RecordingLogger _log = new();
    private readonly ProcessSpawner _spawner = new();
    private readonly Reaper _reaper = new();
    private readonly OutputReactor _output = new();
    private readonly SupervisedProcess _listener;
    private readonly EventListenerPool _pool;

    public ListenerProtocolSpecs()
    {
        var host = new ProcessHost(
            _spawner,
            _reaper,
            _output,
            TimeProvider.System,
            NullLogger.Instance,
            new ChildEnvironment(ChildEnvironment.CurrentProcess(), "unix:///tmp/test.sock")
        );
        _listener = new SupervisedProcess(
            TestConfigs.Program("listener"),
            "pool",
            new ChannelLog(null, 0, 0),
            new ChannelLog(null, 0, 0),
            host
        );
        var group = new ProcessGroup(
            new ProcessGroupConfig(
                "pool",
                999,
                GroupKind.EventListener,
                new ValueList<ProcessConfig>([_listener.Config])
            ),
            [_listener]
        );
        _pool = new EventListenerPool(group, ["EVENT"], 10, "supervisor", _log);
    }

    [Fact]
    public void Ready_in_pieces_is_accepted_silently()
    {
        Say("REA");
        Say("DY\n");

        Warnings().Should().BeEmpty();
    }

    [Fact]
    public void Anything_but_ready_first_makes_the_listener_unknown()
    {
        Say("HELLO!\n");

        Warnings().Should().Equal(Unknown);
    }

    [Fact]
    public void Output_after_ready_without_an_event_sent_makes_the_listener_unknown()
    {
        Say("READY\n");
        Say("x");

        Warnings().Should().Equal(Unknown);
    }

    [Fact]
    public void A_restarted_listener_starts_the_protocol_over()
    {
        Say("READY\nREADY\n");
        _pool.OnStateChanged(_listener, new StateChanged(ProcessState.Backoff, ProcessState.Starting, Tries: 1));

        Say("READY\n");

        Warnings().Should().Equal(Unknown);
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        _output.Dispose();
        _reaper.Dispose();
        _spawner.Dispose();
    }

    private void Say(string text) => _listener.Stdout.Tap!(System.Text.Encoding.ASCII.GetBytes(text));

    private List<string> Warnings() =>
        _log.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
}
