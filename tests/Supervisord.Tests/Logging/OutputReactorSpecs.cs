using System.Text;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Logging;

/// <summary>The output reactor on real children's pipes: quiet writers, floods (spliced and read), many at once.</summary>
public sealed class OutputReactorSpecs : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-output-").FullName;
    private readonly OutputReactor _reactor = new();
    private readonly ProcessSpawner _spawner = new();
    private readonly Reaper _reaper = new();
    private readonly List<int> _pids = [];

    [Fact]
    public async Task Small_writes_reach_the_log_in_order_and_the_attachment_ends_at_end_of_file()
    {
        using var log = Log("small.log");

        await Copy("for i in 1 2 3 4 5; do echo line $i; sleep 0.02; done", log).WaitAsync(Patience);

        File.ReadAllText(log.Path!).Should().Be("line 1\nline 2\nline 3\nline 4\nline 5\n");
    }

    [Fact]
    public async Task A_flood_reaches_the_file_byte_for_byte()
    {
        var source = RandomFile("flood.bin", 24 << 20);
        using var log = Log("flood.log");

        await Copy($"cat {source}", log).WaitAsync(Patience);

        File.ReadAllBytes(log.Path!).Should().Equal(File.ReadAllBytes(source));
    }

    [Fact]
    public async Task A_flood_that_rotates_keeps_every_byte_across_the_rotated_files()
    {
        var source = RandomFile("rotating.bin", 12 << 20);
        using var log = new ChannelLog(Path.Combine(_directory, "rotating.log"), maxBytes: 5_000_000, backups: 3);
        log.EnsureOpen();

        await Copy($"cat {source}", log).WaitAsync(Patience);

        new FileInfo(log.Path + ".2").Length.Should().Be(5_000_000);
        new FileInfo(log.Path + ".1").Length.Should().Be(5_000_000);
        var joined = File.ReadAllBytes(log.Path + ".2")
            .Concat(File.ReadAllBytes(log.Path + ".1"))
            .Concat(File.ReadAllBytes(log.Path!));
        joined.Should().Equal(File.ReadAllBytes(source));
    }

    [Fact]
    public async Task A_live_subscriber_sees_every_byte_of_a_flood()
    {
        var source = RandomFile("watched.bin", 8 << 20);
        using var log = Log("watched.log");
        using var subscription = log.Subscribe(initialBytes: 0);
        var received = new MemoryStream();
        var reading = Task.Run(async () =>
        {
            await foreach (var chunk in subscription.Reader.ReadAllAsync())
            {
                received.Write(chunk);
                if (received.Length >= 8 << 20)
                {
                    return;
                }
            }
        });

        await Copy($"cat {source}", log).WaitAsync(Patience);
        await reading.WaitAsync(Patience);

        received.ToArray().Should().Equal(File.ReadAllBytes(source));
        File.ReadAllBytes(log.Path!).Should().Equal(File.ReadAllBytes(source));
    }

    [Fact]
    public async Task A_transform_applies_to_every_chunk_of_a_flood()
    {
        var line = "\u001b[31mred\u001b[0m plain text of a coloured line\n";
        var source = Path.Combine(_directory, "ansi.txt");
        File.WriteAllText(source, string.Concat(Enumerable.Repeat(line, 200_000)));
        using var log = Log("ansi.log");

        await Copy($"cat {source}", log, stripAnsi: true).WaitAsync(Patience);

        File.ReadAllText(log.Path!)
            .Should()
            .Be(string.Concat(Enumerable.Repeat("red plain text of a coloured line\n", 200_000)));
    }

    [Fact]
    public async Task Output_after_a_flood_arrives_while_the_child_still_runs()
    {
        var source = RandomFile("burst.bin", 4 << 20);
        using var log = Log("burst.log");

        var copying = Copy($"cat {source}; sleep 0.2; echo after; exec sleep 30", log);

        await Eventually.UntilAsync(
            () => new FileInfo(log.Path!).Length == (4 << 20) + 6,
            "the line after the flood is logged",
            Patience
        );
        File.ReadAllBytes(log.Path!)[(4 << 20)..].Should().Equal("after\n"u8.ToArray());
        copying.IsCompleted.Should().BeFalse("the child still holds its stdout open");
    }

    [Fact]
    public async Task A_failing_tap_does_not_stop_the_output_of_any_child()
    {
        using var tapped = Log("tapped.log");
        tapped.Tap = _ => throw new InvalidOperationException("listener protocol broke");
        using var other = Log("other.log");

        var first = Copy("echo one; sleep 0.1; echo two", tapped);
        var second = Copy("sleep 0.05; echo three; sleep 0.1; echo four", other);
        await Task.WhenAll(first, second).WaitAsync(Patience);

        File.ReadAllText(tapped.Path!).Should().Be("one\ntwo\n");
        File.ReadAllText(other.Path!).Should().Be("three\nfour\n");
    }

    [Fact]
    public async Task Fifty_children_writing_at_once_each_get_exactly_their_own_lines()
    {
        var logs = Enumerable.Range(0, 50).Select(i => Log($"many-{i}.log")).ToList();
        try
        {
            var copies = logs.Select(
                (log, i) => Copy($"i=0; while [ $i -lt 500 ]; do echo child {i} line $i; i=$((i+1)); done", log)
            );
            await Task.WhenAll(copies).WaitAsync(Patience);

            for (var i = 0; i < logs.Count; i++)
            {
                var expected = new StringBuilder();
                for (var line = 0; line < 500; line++)
                {
                    expected.Append($"child {i} line {line}\n");
                }
                File.ReadAllText(logs[i].Path!).Should().Be(expected.ToString());
            }
        }
        finally
        {
            logs.ForEach(log => log.Dispose());
        }
    }

    [Fact]
    public async Task A_closed_pipe_stays_quiet_while_another_descriptor_of_it_is_still_open()
    {
        // A child between clone and exec holds a copy of every fd of the daemon, like this duplicate.
        var (read, write) = Pipes.Create()!.Value;
        var copy = Libc.dup(read);
        using var log = Log("copied.log");
        var attached = _reactor.Attach(read, log);
        Pipes.Close(write);
        await attached.WaitAsync(Patience);

        var settled = _reactor.Wakeups;
        // Absence of activity can only be observed over a span of time: a stale registration wakes thousands of times.
        await Task.Delay(300);

        _reactor.Wakeups.Should().Be(settled, "the closed pipe must have left the epoll set");
        Pipes.Close(copy);
    }

    public void Dispose()
    {
        foreach (var pid in _pids)
        {
            Signals.Send(pid, SignalTable.SIGKILL, toGroup: true);
        }
        _reactor.Dispose();
        _spawner.Dispose();
        _reaper.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private ChannelLog Log(string name)
    {
        var log = new ChannelLog(Path.Combine(_directory, name), maxBytes: 0, backups: 0);
        log.EnsureOpen();
        return log;
    }

    private string RandomFile(string name, int bytes)
    {
        var path = Path.Combine(_directory, name);
        var data = new byte[bytes];
        new Random(bytes).NextBytes(data);
        File.WriteAllBytes(path, data);
        return path;
    }

    /// <summary>Runs <paramref name="script"/> under /bin/sh with its stdout attached to the reactor.</summary>
    private async Task Copy(string script, ChannelLog log, bool stripAnsi = false)
    {
        var request = new SpawnRequest(
            $"/bin/sh -c '{script}'",
            ChildEnvironment.CurrentProcess(),
            _directory,
            null,
            null,
            null,
            RedirectStderr: true
        );
        var (child, error) = await _spawner.SpawnAsync(request);
        child.Should().NotBeNull(error?.Message);
        _pids.Add(child!.Pid);
        _reaper.Watch(child.Pid, _ => { });
        Pipes.Close(child.StdinFd);
        await _reactor.Attach(child.StdoutFd, log, stripAnsi);
    }
}
