using Microsoft.Win32.SafeHandles;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Platform;

using Supervise.Supervisord.Tests.Processes;

namespace Supervise.Supervisord.Tests.Logging;

/// <summary>A child's log file that fails is said once in the main log, and so is its recovery.</summary>
public sealed class OutputReactorLogHealthSpecs : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-health-").FullName;
    private readonly CapturingLogger _log = new();
    private readonly OutputReactor _reactor = new();

    public OutputReactorLogHealthSpecs()
    {
        _reactor.Logger = _log;
    }

    [Fact]
    public async Task A_failing_log_file_is_reported_once_and_its_recovery_once()
    {
        var folder = Path.Combine(_directory, "missing");
        var path = Path.Combine(folder, "child.log");
        using var channel = new ChannelLog(path, maxBytes: 0, backups: 0);
        channel.EnsureOpen();

        await Pump(channel, "one\n", "two\n", "three\n");

        _log.Lines.Where(l => l.EventId == LogEventIds.LogFileFailing).Should().ContainSingle()
            .Which.Message.Should().StartWith($"could not write to log file {path}: ");
        channel.BytesDropped.Should().Be(14);

        Directory.CreateDirectory(folder);
        await Pump(channel, "back\n");

        _log.Lines.Where(l => l.EventId == LogEventIds.LogFileRecovered).Should().ContainSingle()
            .Which.Message.Should().Be($"log file {path} is written again; 14 bytes were dropped so far");
        File.ReadAllText(path).Should().Be("back\n");
    }

    public void Dispose()
    {
        _reactor.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Writes each chunk into a pipe the reactor reads, waiting for each to be delivered, then closes it.</summary>
    private async Task Pump(ChannelLog channel, params string[] chunks)
    {
        var (read, write) = Pipes.Create()!.Value;
        var delivered = 0L;
        var arrived = new SemaphoreSlim(0);
        channel.Tap = bytes =>
        {
            Interlocked.Add(ref delivered, bytes.Length);
            arrived.Release();
        };
        var attached = _reactor.Attach(read, channel);
        await using (var writer = new FileStream(new SafeFileHandle(write, ownsHandle: true), FileAccess.Write, bufferSize: 0))
        {
            var sent = 0L;
            foreach (var chunk in chunks)
            {
                writer.Write(System.Text.Encoding.UTF8.GetBytes(chunk));
                sent += chunk.Length;
                while (Interlocked.Read(ref delivered) < sent)
                {
                    (await arrived.WaitAsync(Patience)).Should().BeTrue("the reactor delivers what was written");
                }
            }
        }
        await attached.WaitAsync(Patience);
        channel.Tap = null;
    }
}
