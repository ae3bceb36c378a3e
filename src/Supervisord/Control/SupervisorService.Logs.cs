using Google.Protobuf;
using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Control;

/// <summary>Log reads, tails and clears. Only configured log files are ever read.</summary>
public sealed partial class SupervisorService
{
    public override Task<LogChunk> ReadLog(ReadLogRequest request, ServerCallContext context)
    {
        var process = TargetResolver.ResolveOne(Registry, request.Name);
        var log = request.Channel == LogChannel.Stderr ? process.Stderr : process.Stdout;
        if (log.IsAuto && log.Path is not null && !File.Exists(log.Path))
        {
            return Task.FromResult(new LogChunk());
        }
        if (log.Path is null && log.TailContents() is { } held)
        {
            var slice = LogSlices.Read(held, request.Offset, request.Length) ?? throw FaultException.Create(Fault.BadArguments);
            return Task.FromResult(new LogChunk { Data = ByteString.CopyFrom(slice) });
        }
        return Task.FromResult(Slice(log.Path, request.Offset, request.Length));
    }

    public override Task<LogChunk> ReadMainLog(ReadLogRequest request, ServerCallContext context) =>
        Task.FromResult(Slice(mainLog.File?.Path, request.Offset, request.Length));

    public override async Task TailLog(TailLogRequest request, IServerStreamWriter<LogChunk> responseStream, ServerCallContext context)
    {
        ChannelLog? log;
        if (request.Name.Length == 0)
        {
            log = mainLog.File;
        }
        else
        {
            var process = TargetResolver.ResolveOne(Registry, request.Name);
            log = request.Channel == LogChannel.Stderr ? process.Stderr : process.Stdout;
        }
        if (log is null || !log.HasTail || (log.Path is not null && !File.Exists(log.Path)))
        {
            throw FaultException.Create(Fault.NoFile, log?.Path ?? request.Name);
        }
        using var subscription = log.Subscribe(request.InitialBytes);
        try
        {
            await foreach (var chunk in subscription.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(new LogChunk { Data = ByteString.CopyFrom(chunk) }, context.CancellationToken).ConfigureAwait(false);
                if (!request.Follow && subscription.Reader.Count == 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away (Ctrl-C on tail -f): nothing to report.
        }
    }

    public override Task<ActionReply> ClearLog(TargetRequest request, ServerCallContext context)
    {
        EnsureRunning();
        var (processes, _) = TargetResolver.Resolve(Registry, request.Target);
        var results = processes.Select(process =>
        {
            process.Stdout.Clear();
            process.Stderr.Clear();
            return ProcessCommands.Result(process, Fault.Success, "OK");
        });
        return Task.FromResult(Reply(results));
    }

    private static LogChunk Slice(string? path, long offset, long length)
    {
        if (path is null || !File.Exists(path))
        {
            throw FaultException.Create(Fault.NoFile, path ?? "");
        }
        try
        {
            var data = LogSlices.Read(path, offset, length) ?? throw FaultException.Create(Fault.BadArguments);
            return new LogChunk { Data = ByteString.CopyFrom(data) };
        }
        catch (IOException exception)
        {
            throw FaultException.Create(Fault.Failed, exception.Message);
        }
    }
}
