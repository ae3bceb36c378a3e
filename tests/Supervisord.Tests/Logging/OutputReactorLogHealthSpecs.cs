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
    public async Task A_failing_log_file_is_reported_once_its_output_held_and_written_out_by_the_retry_clock()
    {
        var folder = Path.Combine(_directory, "blocked");
        var path = Path.Combine(folder, "child.log");
        Directory.CreateDirectory(folder);
        using var channel = new ChannelLog(path, maxBytes: 0, backups: 0);
        channel.EnsureOpen();
        Directory.Delete(folder, recursive: true);
        File.WriteAllText(folder, "a file where the directory was");
        channel.Reopen();

        await Pump(channel, "one\n", "two\n", "three\n");

        _log.Lines.Where(l => l.EventId == LogEventIds.LogFileFailing)
            .Should()
            .ContainSingle()
            .Which.Message.Should()
            .StartWith($"could not write to log file {path}: ");
        channel.BytesHeld.Should().Be(14);

        File.Delete(folder);

        await Eventually.UntilAsync(
            () => File.Exists(path) && File.ReadAllText(path) == "one\ntwo\nthree\n",
            "the retry clock recreates the directory and writes the held lines, with no further output"
        );
        await Eventually.UntilAsync(() => _log.Lines.Any(l => l.EventId == LogEventIds.LogFileRecovered));
        _log.Lines.Where(l => l.EventId == LogEventIds.LogFileRecovered)
            .Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be($"log file {path} is written again; 0 bytes were dropped while it failed");
        channel.BytesDropped.Should().Be(0);
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
        await using (
            var writer = new FileStream(new SafeFileHandle(write, ownsHandle: true), FileAccess.Write, bufferSize: 0)
        )
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
