using Microsoft.Extensions.Logging.Abstractions;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>A registry on real processes in a temp folder, torn down (children stopped) after each spec.</summary>
public sealed class EngineFixture : IAsyncDisposable
{
    private readonly Reaper _reaper = new();
    private readonly OutputReactor _output = new();
    private readonly ProcessSpawner _spawner = new();
    private readonly Supervisord.Events.EventHub _events;

    /// <param name="time">The actors' clock; a FakeTimeProvider lets a spec drive startsecs, backoff and stopwaitsecs.</param>
    /// <param name="signals">kill(2) for the actors; a spec can make it fail.</param>
    /// <param name="logger">The main log.</param>
    public EngineFixture(
        TimeProvider? time = null,
        ISignalSender? signals = null,
        Microsoft.Extensions.Logging.ILogger? logger = null
    )
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("supervise-engine-").FullName;
        var services = new ProcessServices(
            _spawner,
            _reaper,
            _output,
            signals ?? new ReaperSignalSender(_reaper),
            new ChildEnvironment(ChildEnvironment.CurrentProcess(), "unix:///tmp/test.sock"),
            time ?? TimeProvider.System,
            logger ?? NullLogger.Instance
        );
        _events = new Supervisord.Events.EventHub(time ?? TimeProvider.System);
        Registry = new ProcessRegistry(services, _events, ProcessLifecycle.None, TestConfigs.Daemon(Directory));
    }

    public string Directory { get; }

    public ProcessRegistry Registry { get; }

    public LogChannelConfig FileLog(string name) =>
        new(LogTarget.File, Path.Combine(Directory, name), 0, 0, 0, false, false);

    public ProcessGroup Add(params ProcessConfig[] processes) =>
        Registry.Add(
            new ProcessGroupConfig(processes[0].Name, 999, GroupKind.Program, new ValueList<ProcessConfig>(processes))
        )!;

    /// <summary>The process state changes the feed holds so far, in order (the hub delivers as the actor publishes).</summary>
    public static List<Supervisord.Events.ProcessStateChanged> StateChanges(Supervisord.Events.EventFeed feed)
    {
        var changes = new List<Supervisord.Events.ProcessStateChanged>();
        while (feed.Reader.TryRead(out var published))
        {
            if (published.Event is Supervisord.Events.ProcessStateChanged change)
            {
                changes.Add(change);
            }
        }
        return changes;
    }

    public static Task<ProcessSnapshot> WaitFor(SupervisedProcess process, ProcessState state, int seconds = 10) =>
        process.WaitForAsync(s => s.State == state, new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token);

    /// <summary>Completes once every command and trigger posted to <paramref name="process"/> so far was handled.</summary>
    public static Task<ProcessSnapshot> Settled(SupervisedProcess process) =>
        process.WaitForAsync(_ => true, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

    public async ValueTask DisposeAsync()
    {
        await Registry.StopAllInOrderAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        await Registry.DisposeAsync();
        _reaper.Dispose();
        _output.Dispose();
        _spawner.Dispose();
        _events.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
