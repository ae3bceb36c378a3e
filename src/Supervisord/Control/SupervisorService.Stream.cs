using Grpc.Core;
using Supervise.Protocol.V1;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Control;

/// <summary>
/// StreamEvents: every record of the one event stream, rendered by the listener edge's own renderer (EventText) so
/// that the fields are exactly what a listener would read, optionally filtered by Supervisor's type names.
/// </summary>
public sealed partial class SupervisorService
{
    public override async Task StreamEvents(
        EventsRequest request,
        IServerStreamWriter<EventMessage> responseStream,
        ServerCallContext context
    )
    {
        var filter = request.Names.Count == 0 ? null : new EventSubscription(request.Names);
        using var feed = operations.Registry.Events.Watch();
        try
        {
            await foreach (var published in feed.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (filter?.Matches(published.Event) != false)
                {
                    await responseStream
                        .WriteAsync(ToMessage(published), context.CancellationToken)
                        .ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watcher went away.
        }
    }

    internal static EventMessage ToMessage(PublishedEvent published)
    {
        var payload = EventText.Payload(published.Event);
        var newline = payload.IndexOf('\n', StringComparison.Ordinal);
        var message = new EventMessage
        {
            Type = EventText.TypeName(published.Event),
            Serial = published.Serial,
            TimeUnixMs = published.At.ToUnixTimeMilliseconds(),
            Data = newline < 0 ? "" : payload[(newline + 1)..],
        };
        foreach (
            var token in (newline < 0 ? payload : payload[..newline]).Split(' ', StringSplitOptions.RemoveEmptyEntries)
        )
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                message.Fields[token[..colon]] = token[(colon + 1)..];
            }
        }
        return message;
    }
}
