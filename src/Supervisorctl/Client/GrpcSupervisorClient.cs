using System.Runtime.CompilerServices;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Client;

/// <summary>The real client: the generated gRPC stub over a Unix socket or TCP, with Basic credentials when configured.</summary>
internal sealed class GrpcSupervisorClient : ISupervisorClient
{
    private static readonly Empty EmptyRequest = new();
    private readonly GrpcChannel _channel;
    private readonly Supervisor.SupervisorClient _stub;
    private readonly Metadata? _headers;

    public GrpcSupervisorClient(string serverUrl, string? username, string? password)
    {
        _channel = serverUrl.StartsWith("unix://", StringComparison.Ordinal)
            ? UnixSocketChannel.ForSocket(serverUrl["unix://".Length..])
            : UnixSocketChannel.ForHttp(new Uri(serverUrl));
        _stub = new Supervisor.SupervisorClient(_channel);
        if (username is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
            _headers = new Metadata { { "authorization", $"Basic {token}" } };
        }
    }

    private CallOptions Options(CancellationToken cancellationToken) => new(_headers, cancellationToken: cancellationToken);

    public async Task<VersionReply> GetVersionAsync(CancellationToken cancellationToken) =>
        await _stub.GetVersionAsync(EmptyRequest, Options(cancellationToken)).ConfigureAwait(false);

    public async Task<StateReply> GetStateAsync(CancellationToken cancellationToken) =>
        await _stub.GetStateAsync(EmptyRequest, Options(cancellationToken)).ConfigureAwait(false);

    public async Task<IReadOnlyList<ProcessInfo>> ListProcessesAsync(CancellationToken cancellationToken) =>
        (await _stub.ListProcessesAsync(EmptyRequest, Options(cancellationToken)).ConfigureAwait(false)).Processes;

    public async Task<ProcessInfo> GetProcessAsync(string name, CancellationToken cancellationToken) =>
        await _stub.GetProcessAsync(new NameRequest { Name = name }, Options(cancellationToken)).ConfigureAwait(false);

    public async Task<IReadOnlyList<ProcessResult>> StartAsync(string target, CancellationToken cancellationToken) =>
        (await _stub.StartAsync(new TargetRequest { Target = target, Wait = true }, Options(cancellationToken)).ConfigureAwait(false)).Results;

    public async Task<IReadOnlyList<ProcessResult>> StopAsync(string target, CancellationToken cancellationToken) =>
        (await _stub.StopAsync(new TargetRequest { Target = target, Wait = true }, Options(cancellationToken)).ConfigureAwait(false)).Results;

    public async Task<IReadOnlyList<ProcessResult>> SignalAsync(string target, string signal, CancellationToken cancellationToken) =>
        (await _stub.SignalAsync(new SignalRequest { Target = target, Signal = signal }, Options(cancellationToken)).ConfigureAwait(false)).Results;

    public async Task<IReadOnlyList<ProcessResult>> ClearLogAsync(string target, CancellationToken cancellationToken) =>
        (await _stub.ClearLogAsync(new TargetRequest { Target = target }, Options(cancellationToken)).ConfigureAwait(false)).Results;

    public async Task SendStdinAsync(string name, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        await _stub.SendStdinAsync(new StdinRequest { Name = name, Data = ByteString.CopyFrom(data.Span) }, Options(cancellationToken)).ConfigureAwait(false);

    public async Task<LogChunk> ReadLogAsync(string name, LogChannel channel, long offset, long length, CancellationToken cancellationToken)
    {
        var request = new ReadLogRequest { Name = name, Channel = channel, Offset = offset, Length = length };
        return name.Length == 0
            ? await _stub.ReadMainLogAsync(request, Options(cancellationToken)).ConfigureAwait(false)
            : await _stub.ReadLogAsync(request, Options(cancellationToken)).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<LogChunk> TailLogAsync(
        string name, LogChannel channel, long initialBytes, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new TailLogRequest { Name = name, Channel = channel, InitialBytes = initialBytes, Follow = follow };
        using var call = _stub.TailLog(request, Options(cancellationToken));
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return chunk;
        }
    }

    public async Task<RereadReply> RereadAsync(CancellationToken cancellationToken) =>
        await _stub.RereadAsync(EmptyRequest, Options(cancellationToken)).ConfigureAwait(false);

    public async Task AddGroupAsync(string name, CancellationToken cancellationToken) =>
        await _stub.AddGroupAsync(new GroupRequest { Name = name }, Options(cancellationToken)).ConfigureAwait(false);

    public async Task RemoveGroupAsync(string name, CancellationToken cancellationToken) =>
        await _stub.RemoveGroupAsync(new GroupRequest { Name = name }, Options(cancellationToken)).ConfigureAwait(false);

    public async Task<IReadOnlyList<AvailEntry>> AvailAsync(CancellationToken cancellationToken) =>
        (await _stub.AvailAsync(EmptyRequest, Options(cancellationToken)).ConfigureAwait(false)).Entries;

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        await _stub.ReloadAsync(EmptyRequest, Options(cancellationToken)).ConfigureAwait(false);

    public async Task ShutdownAsync(CancellationToken cancellationToken) =>
        await _stub.ShutdownAsync(EmptyRequest, Options(cancellationToken)).ConfigureAwait(false);

    public void Dispose() => _channel.Dispose();
}
