using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Client;

/// <summary>
/// The daemon's control API as the ctl uses it. Failures surface as <see cref="Grpc.Core.RpcException"/>: faults carry
/// Supervisor's fault code (see FaultException), transport failures carry the socket error that caused them.
/// </summary>
internal interface ISupervisorClient : IDisposable
{
    Task<VersionReply> GetVersionAsync(CancellationToken cancellationToken);

    Task<StateReply> GetStateAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessInfo>> ListProcessesAsync(CancellationToken cancellationToken);

    /// <summary>ListProcesses with each child's CPU time and resident memory, read by the daemon at the call.</summary>
    Task<IReadOnlyList<ProcessInfo>> ListProcessesWithUsageAsync(CancellationToken cancellationToken);

    Task<ProcessInfo> GetProcessAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessResult>> StartAsync(string target, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessResult>> StopAsync(string target, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessResult>> SignalAsync(string target, string signal, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessResult>> ClearLogAsync(string target, CancellationToken cancellationToken);

    Task SendStdinAsync(string name, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>A process log slice; an empty <paramref name="name"/> reads the main log.</summary>
    Task<LogChunk> ReadLogAsync(
        string name,
        LogChannel channel,
        long offset,
        long length,
        CancellationToken cancellationToken
    );

    /// <summary>The last <paramref name="initialBytes"/> of a log, then (when following) bytes as they are written.</summary>
    IAsyncEnumerable<LogChunk> TailLogAsync(
        string name,
        LogChannel channel,
        long initialBytes,
        bool follow,
        CancellationToken cancellationToken
    );

    /// <summary>The daemon's events as they happen, only the given types (Supervisor's names) when any are given.</summary>
    IAsyncEnumerable<EventMessage> StreamEventsAsync(IReadOnlyList<string> types, CancellationToken cancellationToken);

    Task<RereadReply> RereadAsync(CancellationToken cancellationToken);

    Task AddGroupAsync(string name, CancellationToken cancellationToken);

    Task RemoveGroupAsync(string name, CancellationToken cancellationToken);

    /// <summary>Scaling in place (beyond Supervisor); a server without it answers "restart the group".</summary>
    Task<ResizeReply> ResizeGroupAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(new ResizeReply { InPlace = false });

    Task<IReadOnlyList<AvailEntry>> AvailAsync(CancellationToken cancellationToken);

    Task ReloadAsync(CancellationToken cancellationToken);

    Task ShutdownAsync(CancellationToken cancellationToken);
}
