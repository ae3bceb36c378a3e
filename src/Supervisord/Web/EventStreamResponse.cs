using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Supervise.Supervisord.Web;

/// <summary>
/// A text/event-stream response fed from a queue of ready frames. It waits on the queue, never polls: the only timer
/// is a keep-alive comment every <see cref="KeepAlive"/> of silence, so that proxies keep an idle page's stream open.
/// </summary>
public static class EventStreamResponse
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(25);

    public static async Task RunAsync(HttpContext context, ChannelReader<string> frames)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = context.RequestAborted;
        try
        {
            await response.StartAsync(aborted).ConfigureAwait(false);
            await WriteAsync(response, "retry: 2000\n\n", aborted).ConfigureAwait(false);
            while (true)
            {
                using var silence = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                silence.CancelAfter(KeepAlive);
                bool more;
                try
                {
                    more = await frames.WaitToReadAsync(silence.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await WriteAsync(response, ": keep-alive\n\n", aborted).ConfigureAwait(false);
                    continue;
                }
                if (!more)
                {
                    return;
                }
                var batch = new StringBuilder();
                while (frames.TryRead(out var frame))
                {
                    batch.Append(frame);
                }
                await WriteAsync(response, batch.ToString(), aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    /// <summary>One event: "event: NAME" and the data (JSON, so on one line).</summary>
    public static string Frame(string name, string json) => "event: " + name + "\ndata: " + json + "\n\n";

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
