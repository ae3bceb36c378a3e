using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Events;

namespace Supervise.Fuzz;

/// <summary>
/// The event-listener protocol, as a pool parses a listener's stdout: a running listener with events waiting is fed
/// the input in uneven chunks. A crash: the pool's internal-error guard logs (a fault in its loop), or it hangs.
/// </summary>
public sealed class ListenerTarget : IFuzzTarget
{
    public string Name => "listener";

    public Verdict Run(byte[] input)
    {
        var logger = new FaultLogger();
        var pool = new EventListenerPool(
            "pool",
            [new Listener()],
            new EventSubscription(["PROCESS_GROUP"]),
            bufferSize: 4,
            "supervisor",
            logger
        );
        pool.Deliver(
            new PublishedEvent(
                1,
                DateTimeOffset.UnixEpoch,
                new ProcessStateChanged("l", "pool", "STARTING", "RUNNING", 42, 0, true)
            )
        );
        for (var serial = 2; serial < 5; serial++)
        {
            pool.Deliver(new PublishedEvent(serial, DateTimeOffset.UnixEpoch, new ProcessGroupAdded("g" + serial)));
        }
        // Chunk sizes from the input itself, so that a crash replays exactly from its file.
        var offset = 0;
        while (offset < input.Length)
        {
            var size = Math.Min(input.Length - offset, 1 + (input[offset] % 13));
            pool.OnOutput("l", input[offset..(offset + size)]);
            offset += size;
        }
        if (!pool.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)))
        {
            throw new FuzzCrashException("the pool's loop did not finish in 10 s");
        }
        if (logger.Fault is { } fault)
        {
            throw new FuzzCrashException("the pool's internal-error guard caught: " + fault);
        }
        return logger.Unknown ? Verdict.Refused : Verdict.Accepted;
    }

    private sealed class Listener : IListenerProcess
    {
        public string Name => "l";

        public Task<bool> WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }

    private sealed class FaultLogger : ILogger
    {
        public Exception? Fault { get; private set; }

        public bool Unknown { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            Fault ??= exception;
            Unknown |= eventId.Id is 61 or 62;
        }
    }
}
