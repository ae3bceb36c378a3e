using System.Runtime.CompilerServices;
using System.Text;
using Google.Protobuf;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Client;

/// <summary>The real client: the daemon's gRPC service over a Unix socket or TCP, with Basic credentials when configured.</summary>
internal sealed class GrpcSupervisorClient : ISupervisorClient
{
    private static readonly Empty EmptyRequest = new();
    private readonly GrpcWire _wire;

    public GrpcSupervisorClient(string serverUrl, string? username, string? password)
    {
        var unix = serverUrl.StartsWith("unix://", StringComparison.Ordinal);
        var handler = unix ? ControlTransport.ForSocket(serverUrl["unix://".Length..]) : ControlTransport.ForTcp();
        var authorization = username is null
            ? null
            : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        _wire = new GrpcWire(handler, unix ? new Uri("http://localhost") : new Uri(serverUrl), authorization);
    }

    public async Task<VersionReply> GetVersionAsync(CancellationToken cancellationToken) =>
        await _wire
            .UnaryAsync("GetVersion", EmptyRequest, VersionReply.Parser, cancellationToken)
            .ConfigureAwait(false);

    public async Task<StateReply> GetStateAsync(CancellationToken cancellationToken) =>
        await _wire.UnaryAsync("GetState", EmptyRequest, StateReply.Parser, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ProcessInfo>> ListProcessesAsync(CancellationToken cancellationToken) =>
        (
            await _wire
                .UnaryAsync("ListProcesses", EmptyRequest, ProcessList.Parser, cancellationToken)
                .ConfigureAwait(false)
        ).Processes;

    public async Task<IReadOnlyList<ProcessInfo>> ListProcessesWithUsageAsync(CancellationToken cancellationToken) =>
        (
            await _wire
                .UnaryAsync("ListProcessesWithUsage", EmptyRequest, ProcessList.Parser, cancellationToken)
                .ConfigureAwait(false)
        ).Processes;

    public async Task<ProcessInfo> GetProcessAsync(string name, CancellationToken cancellationToken) =>
        await _wire
            .UnaryAsync("GetProcess", new NameRequest { Name = name }, ProcessInfo.Parser, cancellationToken)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<ProcessResult>> StartAsync(string target, CancellationToken cancellationToken) =>
        (
            await _wire
                .UnaryAsync(
                    "Start",
                    new TargetRequest { Target = target, Wait = true },
                    ActionReply.Parser,
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).Results;

    public async Task<IReadOnlyList<ProcessResult>> StopAsync(string target, CancellationToken cancellationToken) =>
        (
            await _wire
                .UnaryAsync(
                    "Stop",
                    new TargetRequest { Target = target, Wait = true },
                    ActionReply.Parser,
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).Results;

    public async Task<IReadOnlyList<ProcessResult>> SignalAsync(
        string target,
        string signal,
        CancellationToken cancellationToken
    ) =>
        (
            await _wire
                .UnaryAsync(
                    "Signal",
                    new SignalRequest { Target = target, Signal = signal },
                    ActionReply.Parser,
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).Results;

    public async Task<IReadOnlyList<ProcessResult>> ClearLogAsync(string target, CancellationToken cancellationToken) =>
        (
            await _wire
                .UnaryAsync("ClearLog", new TargetRequest { Target = target }, ActionReply.Parser, cancellationToken)
                .ConfigureAwait(false)
        ).Results;

    public async Task SendStdinAsync(string name, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        await _wire
            .UnaryAsync(
                "SendStdin",
                new StdinRequest { Name = name, Data = ByteString.CopyFrom(data.Span) },
                Empty.Parser,
                cancellationToken
            )
            .ConfigureAwait(false);

    public async Task<LogChunk> ReadLogAsync(
        string name,
        LogChannel channel,
        long offset,
        long length,
        CancellationToken cancellationToken
    )
    {
        var request = new ReadLogRequest
        {
            Name = name,
            Channel = channel,
            Offset = offset,
            Length = length,
        };
        return name.Length == 0
            ? await _wire.UnaryAsync("ReadMainLog", request, LogChunk.Parser, cancellationToken).ConfigureAwait(false)
            : await _wire.UnaryAsync("ReadLog", request, LogChunk.Parser, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<LogChunk> TailLogAsync(
        string name,
        LogChannel channel,
        long initialBytes,
        bool follow,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var request = new TailLogRequest
        {
            Name = name,
            Channel = channel,
            InitialBytes = initialBytes,
            Follow = follow,
        };
        await foreach (
            var chunk in _wire.StreamAsync("TailLog", request, LogChunk.Parser, cancellationToken).ConfigureAwait(false)
        )
        {
            yield return chunk;
        }
    }

    public async IAsyncEnumerable<EventMessage> StreamEventsAsync(
        IReadOnlyList<string> types,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var request = new EventsRequest { Names = { types } };
        await foreach (
            var message in _wire
                .StreamAsync("StreamEvents", request, EventMessage.Parser, cancellationToken)
                .ConfigureAwait(false)
        )
        {
            yield return message;
        }
    }

    public async Task<RereadReply> RereadAsync(CancellationToken cancellationToken) =>
        await _wire.UnaryAsync("Reread", EmptyRequest, RereadReply.Parser, cancellationToken).ConfigureAwait(false);

    public async Task AddGroupAsync(string name, CancellationToken cancellationToken) =>
        await _wire
            .UnaryAsync("AddGroup", new GroupRequest { Name = name }, Empty.Parser, cancellationToken)
            .ConfigureAwait(false);

    public async Task RemoveGroupAsync(string name, CancellationToken cancellationToken) =>
        await _wire
            .UnaryAsync("RemoveGroup", new GroupRequest { Name = name }, Empty.Parser, cancellationToken)
            .ConfigureAwait(false);

    public async Task<ResizeReply> ResizeGroupAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _wire
                .UnaryAsync("ResizeGroup", new GroupRequest { Name = name }, ResizeReply.Parser, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.Unimplemented)
        {
            // An older daemon: update restarts the group, as Supervisor's does.
            return new ResizeReply { InPlace = false };
        }
    }

    public async Task<IReadOnlyList<AvailEntry>> AvailAsync(CancellationToken cancellationToken) =>
        (
            await _wire.UnaryAsync("Avail", EmptyRequest, AvailReply.Parser, cancellationToken).ConfigureAwait(false)
        ).Entries;

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        await _wire.UnaryAsync("Reload", EmptyRequest, Empty.Parser, cancellationToken).ConfigureAwait(false);

    public async Task ShutdownAsync(CancellationToken cancellationToken) =>
        await _wire.UnaryAsync("Shutdown", EmptyRequest, Empty.Parser, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _wire.Dispose();
}
