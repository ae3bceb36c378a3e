using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Web;

/// <summary>
/// GET tailevents?processname=NS&amp;limit=N: the tail view's server-sent events. Each channel that has a log is
/// subscribed at its writer (as /logtail is): the first "stdout"/"stderr" event holds the last max(1024, N) bytes and
/// says reset (the page replaces what it rendered), the next ones the bytes as they are written. A channel without a
/// log sends nothing. 404 for an unknown process.
/// </summary>
public sealed class TailStream(ControlOperations operations)
{
    public async Task RunAsync(HttpContext context)
    {
        var name = context.Request.Query["processname"].ToString();
        var limit = TailView.Limit(context.Request.Query["limit"].ToString());
        var subscriptions = new List<(string Channel, ChannelLog.Subscription Subscription)>(2);
        try
        {
            operations.Process(name);
            foreach (var stderr in (ReadOnlySpan<bool>)[false, true])
            {
                try
                {
                    subscriptions.Add(
                        (stderr ? "stderr" : "stdout", operations.TailTarget(name, stderr).Subscribe(limit))
                    );
                }
                catch (SupervisorFault fault) when (fault.Code == FaultCode.NoFile)
                {
                    // Nothing to follow on this channel; the page keeps its "No file for" text.
                }
            }
        }
        catch (SupervisorFault)
        {
            await ErrorPage
                .WriteAsync(context, StatusCodes.Status404NotFound, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }
        var frames = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = subscriptions.Select(s => PumpAsync(s.Channel, s.Subscription, frames.Writer)).ToList();
        try
        {
            await EventStreamResponse.RunAsync(context, frames.Reader).ConfigureAwait(false);
        }
        finally
        {
            foreach (var (_, subscription) in subscriptions)
            {
                subscription.Dispose();
            }
            await Task.WhenAll(pumps).ConfigureAwait(false);
        }
    }

    private static async Task PumpAsync(
        string channel,
        ChannelLog.Subscription subscription,
        ChannelWriter<string> frames
    )
    {
        var boundary = new Utf8Boundary();
        var first = true;
        await foreach (var chunk in subscription.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var bytes = first ? chunk.AsSpan(Utf8Boundary.LeadingContinuations(chunk)) : chunk;
            var text = Encoding.UTF8.GetString(boundary.Next(bytes).Span);
            frames.TryWrite(EventStreamResponse.Frame(channel, Json(text, first)));
            first = false;
        }
    }

    private static string Json(string text, bool reset)
    {
        var buffer = new ArrayBufferWriter<byte>(text.Length + 32);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("reset", reset);
            json.WriteString("text", text);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
