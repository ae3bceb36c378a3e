using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Supervise.Supervisord.Events;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Web;

/// <summary>
/// GET events: the live status page's server-sent events, read from the typed event stream (as WatchEvents is), so
/// the daemon does nothing while nothing changes. On connect, one "state" event per process (the page may be older
/// than the stream); then one per state change, carrying the process's current snapshot; "layout" when a group is
/// added or removed (the page reloads to get its rows).
/// </summary>
public sealed class StateStream(ControlOperations operations)
{
    private const int Capacity = 10_000;

    public async Task RunAsync(HttpContext context)
    {
        var frames = Channel.CreateBounded<string>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }
        );
        var feed = operations.Registry.Events.Watch(Capacity);
        var pump = Task.CompletedTask;
        try
        {
            // Subscribed before the snapshot, so that no change falls between the two.
            foreach (var process in operations.Processes)
            {
                frames.Writer.TryWrite(Frame(process.Current));
            }
            pump = PumpAsync(feed, frames.Writer);
            await EventStreamResponse.RunAsync(context, frames.Reader).ConfigureAwait(false);
        }
        finally
        {
            feed.Dispose();
            await pump.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(EventFeed feed, ChannelWriter<string> frames)
    {
        await foreach (var published in feed.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            switch (published.Event)
            {
                case ProcessStateChanged change
                    when operations.Registry.FindGroup(change.Group)?.Find(change.Process) is { } process:
                    frames.TryWrite(Frame(process.Current));
                    break;
                case ProcessGroupAdded or ProcessGroupRemoved:
                    frames.TryWrite(EventStreamResponse.Frame("layout", "{}"));
                    break;
            }
        }
        frames.TryComplete();
    }

    public string Frame(ProcessSnapshot snapshot)
    {
        var now = operations.Time.GetUtcNow();
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("namespec", snapshot.Namespec);
            json.WriteString("group", snapshot.Group);
            json.WriteNumber("state", (int)snapshot.State);
            json.WriteString("statename", snapshot.State.Name());
            json.WriteString("statusclass", StatusView.CssClassFor(snapshot.State));
            json.WriteString("rowclass", StatusView.RowClass(snapshot.State));
            json.WriteString("description", snapshot.Describe(now));
            json.WriteNumber("pid", snapshot.Pid);
            json.WriteNumber(
                "start",
                snapshot.State == ProcessState.Running && snapshot.LastStart is { } s ? s.ToUnixTimeMilliseconds() : 0
            );
            json.WriteNumber("now", now.ToUnixTimeMilliseconds());
            json.WriteEndObject();
        }
        return EventStreamResponse.Frame("state", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
