using System.Runtime.CompilerServices;
using Google.Protobuf;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Client;

namespace Supervise.Supervisorctl.Tests.Fakes;

/// <summary>An in-memory daemon: answers from settable data and handlers, and records every call in order.</summary>
internal sealed class FakeSupervisor : ISupervisorClient
{
    public List<string> Calls { get; } = [];

    public List<ProcessInfo> Processes { get; } = [];

    public List<AvailEntry> Available { get; } = [];

    /// <summary>When set, every call fails with it (an unreachable or unauthorizing server).</summary>
    public Exception? Failure { get; set; }

    public VersionReply Version { get; set; } =
        new()
        {
            ApiVersion = "3.0",
            SupervisorVersion = "4.2.5",
            Version = "0.1.0",
        };

    public int DaemonPid { get; set; } = 4242;

    public Func<string, IReadOnlyList<ProcessResult>> OnStart { get; set; } = _ => [];

    public Func<string, IReadOnlyList<ProcessResult>> OnStop { get; set; } = _ => [];

    public Func<string, string, IReadOnlyList<ProcessResult>> OnSignal { get; set; } = (_, _) => [];

    public Func<string, IReadOnlyList<ProcessResult>> OnClear { get; set; } = _ => [];

    public Func<string, LogChannel, long, string> OnReadLog { get; set; } = (_, _, _) => "";

    public Func<string, LogChannel, IEnumerable<string>> OnTail { get; set; } = (_, _) => [];

    public Func<RereadReply> OnReread { get; set; } = () => new RereadReply();

    public Action<string> OnAddGroup { get; set; } = _ => { };

    public Action<string> OnRemoveGroup { get; set; } = _ => { };

    public Action OnReload { get; set; } = () => { };

    public Action OnShutdown { get; set; } = () => { };

    public Action<string, string> OnStdin { get; set; } = (_, _) => { };

    public bool Disposed { get; private set; }

    public Task<VersionReply> GetVersionAsync(CancellationToken cancellationToken) =>
        Answer("GetVersion", () => Version);

    public Task<StateReply> GetStateAsync(CancellationToken cancellationToken) =>
        Answer(
            "GetState",
            () =>
                new StateReply
                {
                    Code = 1,
                    Name = "RUNNING",
                    Pid = DaemonPid,
                }
        );

    public Task<IReadOnlyList<ProcessInfo>> ListProcessesAsync(CancellationToken cancellationToken) =>
        Answer("ListProcesses", () => (IReadOnlyList<ProcessInfo>)[.. Processes]);

    public Task<IReadOnlyList<ProcessInfo>> ListProcessesWithUsageAsync(CancellationToken cancellationToken) =>
        Answer("ListProcessesWithUsage", () => (IReadOnlyList<ProcessInfo>)[.. Processes]);

    public Task<ProcessInfo> GetProcessAsync(string name, CancellationToken cancellationToken) =>
        Answer(
            $"GetProcess {name}",
            () =>
                Processes.FirstOrDefault(p => p.Name == name && p.Group == name || $"{p.Group}:{p.Name}" == name)
                ?? throw FaultException.Create(Fault.BadName, name)
        );

    public Task<IReadOnlyList<ProcessResult>> StartAsync(string target, CancellationToken cancellationToken) =>
        Answer($"Start {target}", () => OnStart(target));

    public Task<IReadOnlyList<ProcessResult>> StopAsync(string target, CancellationToken cancellationToken) =>
        Answer($"Stop {target}", () => OnStop(target));

    public Task<IReadOnlyList<ProcessResult>> SignalAsync(
        string target,
        string signal,
        CancellationToken cancellationToken
    ) => Answer($"Signal {signal} {target}", () => OnSignal(target, signal));

    public Task<IReadOnlyList<ProcessResult>> ClearLogAsync(string target, CancellationToken cancellationToken) =>
        Answer($"ClearLog {target}", () => OnClear(target));

    public Task SendStdinAsync(string name, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        Answer(
            $"SendStdin {name}",
            () =>
            {
                OnStdin(name, System.Text.Encoding.UTF8.GetString(data.Span));
                return 0;
            }
        );

    public Task<LogChunk> ReadLogAsync(
        string name,
        LogChannel channel,
        long offset,
        long length,
        CancellationToken cancellationToken
    ) =>
        Answer(
            $"ReadLog {name} {channel} {offset} {length}",
            () => new LogChunk { Data = ByteString.CopyFromUtf8(OnReadLog(name, channel, offset)) }
        );

    /// <summary>What StreamEvents yields; the stream then stays open until cancellation, as the daemon's does.</summary>
    public List<EventMessage> Events { get; } = [];

    public async IAsyncEnumerable<EventMessage> StreamEventsAsync(
        IReadOnlyList<string> types,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var events = await Answer($"StreamEvents {string.Join(',', types)}", () => Events.ToList());
        foreach (var message in events)
        {
            yield return message;
        }
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public async IAsyncEnumerable<LogChunk> TailLogAsync(
        string name,
        LogChannel channel,
        long initialBytes,
        bool follow,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var chunks = await Answer(
            $"TailLog {name} {channel} {initialBytes} {follow}",
            () => OnTail(name, channel).ToList()
        );
        foreach (var chunk in chunks)
        {
            yield return new LogChunk { Data = ByteString.CopyFromUtf8(chunk) };
        }
        if (follow)
        {
            // A followed log never ends by itself; only cancellation (Ctrl-C) stops it.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    public Task<RereadReply> RereadAsync(CancellationToken cancellationToken) => Answer("Reread", OnReread);

    public Task AddGroupAsync(string name, CancellationToken cancellationToken) =>
        Answer(
            $"AddGroup {name}",
            () =>
            {
                OnAddGroup(name);
                return 0;
            }
        );

    public Task RemoveGroupAsync(string name, CancellationToken cancellationToken) =>
        Answer(
            $"RemoveGroup {name}",
            () =>
            {
                OnRemoveGroup(name);
                return 0;
            }
        );

    public Task<IReadOnlyList<AvailEntry>> AvailAsync(CancellationToken cancellationToken) =>
        Answer("Avail", () => (IReadOnlyList<AvailEntry>)[.. Available]);

    public Task ReloadAsync(CancellationToken cancellationToken) =>
        Answer(
            "Reload",
            () =>
            {
                OnReload();
                return 0;
            }
        );

    public Task ShutdownAsync(CancellationToken cancellationToken) =>
        Answer(
            "Shutdown",
            () =>
            {
                OnShutdown();
                return 0;
            }
        );

    public void Dispose() => Disposed = true;

    private Task<T> Answer<T>(string call, Func<T> answer)
    {
        Calls.Add(call);
        try
        {
            return Failure is not null ? Task.FromException<T>(Failure) : Task.FromResult(answer());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }
}
