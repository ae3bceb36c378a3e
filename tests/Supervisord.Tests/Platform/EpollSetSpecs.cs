using Microsoft.Win32.SafeHandles;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Tests.Platform;

/// <summary>The epoll wrapper on a real pipe: what is registered comes back with its id, all 64 bits of it.</summary>
public sealed class EpollSetSpecs
{
    private const int Patience = 10_000;

    [Fact]
    public void A_registered_pipe_comes_back_with_its_id_once_it_is_readable()
    {
        var set = new EpollSet();
        var (read, write) = Pipes.Create()!.Value;
        // An id with high bits set: a wrong data offset would return a torn value.
        const ulong id = 0xDEAD_BEEF_0000_0042;
        set.Add(read, id);
        using var writer = Writer(write);

        writer.WriteByte(1);
        Span<ulong> ids = stackalloc ulong[4];
        var ready = set.Wait(ids, Patience);

        ready.Should().Be(1);
        ids[0].Should().Be(id);
        set.RemoveAndClose(read);
    }

    [Fact]
    public void Several_ready_pipes_come_back_each_with_its_own_id()
    {
        var set = new EpollSet();
        var pipes = Enumerable.Range(1, 3).Select(_ => Pipes.Create()!.Value).ToList();
        var writers = pipes.Select(p => Writer(p.Write)).ToList();
        for (var i = 0; i < pipes.Count; i++)
        {
            set.Add(pipes[i].Read, (ulong)(i + 1) << 40);
            writers[i].WriteByte(1);
        }

        var ids = new ulong[8];
        var ready = set.Wait(ids, Patience);

        ids.Take(ready).Should().BeEquivalentTo(new[] { 1UL << 40, 2UL << 40, 3UL << 40 });
        writers.ForEach(w => w.Dispose());
        pipes.ForEach(p => set.RemoveAndClose(p.Read));
    }

    [Fact]
    public void A_wake_up_returns_from_the_wait_without_ids()
    {
        var set = new EpollSet();
        set.Wake();

        Span<ulong> ids = stackalloc ulong[4];
        set.Wait(ids, Patience).Should().Be(0);
    }

    [Fact]
    public void A_removed_pipe_is_not_reported_any_more()
    {
        var set = new EpollSet();
        var (read, write) = Pipes.Create()!.Value;
        set.Add(read, 7);
        using var writer = Writer(write);
        writer.WriteByte(1);
        set.Remove(read);

        // Absence can only be observed over a span: a short one, as the pipe is readable from the start.
        Span<ulong> ids = stackalloc ulong[4];
        set.Wait(ids, 100).Should().Be(0);
        Pipes.Close(read);
    }

    private static FileStream Writer(int fd) =>
        new(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, bufferSize: 0);
}
