using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grpc.Core;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// `events [--json] [TYPE ...]` and its alias `watch` (not in Supervisor): the daemon's live event stream until Ctrl-C,
/// optionally only some of Supervisor's types (an abstract type such as PROCESS_STATE selects its subtypes). Text is
/// one line per event, as a listener's header and payload would read; --json is one JSON object a line.
/// </summary>
internal sealed class EventsCommand(string name) : CtlCommand
{
    private static readonly JsonWriterOptions Compact = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override string Name => name;

    public override bool Listed => false;

    public override string Help =>
        $"{name} [--json] [TYPE ...]\tPrint events as they happen (Ctrl-C to exit), e.g. {name} PROCESS_STATE TICK_5\n"
        + $"{name} --json\t\tOne JSON object a line: type, serial, time_unix_ms, fields, data";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var words = Words(arg);
        var json = words.Contains("--json");
        var types = words.Where(w => w != "--json").Select(w => w.ToUpperInvariant()).ToList();
        try
        {
            await foreach (var message in ctl.Client.StreamEventsAsync(types, cancellationToken).ConfigureAwait(false))
            {
                await ctl.Out.WriteLineAsync(json ? Json(message) : Text(message)).ConfigureAwait(false);
                await ctl.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
            when (cancellationToken.IsCancellationRequested
                && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }
            )
        {
            // Ctrl-C ends the stream.
        }
        return false;
    }

    /// <summary>The type, then the header tokens, then the data (its newlines escaped, so that one event stays one line).</summary>
    internal static string Text(EventMessage message)
    {
        var line = new StringBuilder(message.Type);
        foreach (var (key, value) in message.Fields)
        {
            line.Append(' ').Append(key).Append(':').Append(value);
        }
        if (message.Data.Length > 0)
        {
            line.Append(' ')
                .Append(
                    message
                        .Data.Replace("\\", "\\\\", StringComparison.Ordinal)
                        .Replace("\n", "\\n", StringComparison.Ordinal)
                );
        }
        return line.ToString();
    }

    internal static string Json(EventMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            writer.WriteString("type", message.Type);
            writer.WriteNumber("serial", message.Serial);
            writer.WriteNumber("time_unix_ms", message.TimeUnixMs);
            writer.WriteStartObject("fields");
            foreach (var (key, value) in message.Fields)
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
            writer.WriteString("data", message.Data);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
