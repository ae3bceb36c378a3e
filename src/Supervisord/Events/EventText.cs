using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Supervise.Supervisord.Events;

/// <summary>
/// The one renderer of Supervisor's event text (events.py, 4.2.5): each record's type name and payload, and the
/// envelope a listener reads. Payloads are byte-exact with Supervisor's; the fixtures in the tests were recorded
/// from Debian's supervisord.
/// </summary>
public static class EventText
{
    private static readonly UTF8Encoding Strict = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    public static string TypeName(SupervisorEvent published) =>
        published switch
        {
            ProcessStateChanged change => "PROCESS_STATE_" + change.To,
            ProcessGroupAdded => "PROCESS_GROUP_ADDED",
            ProcessGroupRemoved => "PROCESS_GROUP_REMOVED",
            SupervisorStateChanged { Phase: SupervisorPhase.Running } => "SUPERVISOR_STATE_CHANGE_RUNNING",
            SupervisorStateChanged => "SUPERVISOR_STATE_CHANGE_STOPPING",
            Tick tick => "TICK_" + tick.Period.ToString(CultureInfo.InvariantCulture),
            RemoteCommunication => "REMOTE_COMMUNICATION",
            ProcessLog log => "PROCESS_LOG_" + ChannelName(log.Channel).ToUpperInvariant(),
            ProcessCommunication comm => "PROCESS_COMMUNICATION_" + ChannelName(comm.Channel).ToUpperInvariant(),
            _ => throw new UnreachableException(published.GetType().Name),
        };

    public static string Payload(SupervisorEvent published) =>
        published switch
        {
            ProcessStateChanged change => ProcessStatePayload(change),
            ProcessGroupAdded added => $"groupname:{added.Group}\n",
            ProcessGroupRemoved removed => $"groupname:{removed.Group}\n",
            SupervisorStateChanged => "",
            Tick tick => string.Create(CultureInfo.InvariantCulture, $"when:{tick.When}"),
            RemoteCommunication remote => $"type:{remote.Type}\n{remote.Data}",
            ProcessLog or ProcessCommunication => OutputOf(published) is var (head, data)
                ? head + Decode(data.Span)
                : "",
            _ => throw new UnreachableException(published.GetType().Name),
        };

    /// <summary>
    /// Header line and payload as one buffer, so that it goes out in one write (a Go listener reads it with one read).
    /// <c>len</c> is Python's <c>len(payload)</c>, code points, because that is what <c>childutils.listener.wait()</c>
    /// reads from a text-mode stdin (docs/compatibility.md #9).
    /// </summary>
    public static byte[] Envelope(
        string identifier,
        long serial,
        string pool,
        long poolSerial,
        SupervisorEvent published
    )
    {
        if (OutputOf(published) is ({ } head, var data) && Utf8.IsValid(data.Span))
        {
            return OutputEnvelope(identifier, serial, pool, poolSerial, published, head, data.Span);
        }
        var payload = Payload(published);
        var header = string.Create(
            CultureInfo.InvariantCulture,
            $"ver:3.0 server:{identifier} serial:{serial} pool:{pool} poolserial:{poolSerial} eventname:{TypeName(published)} len:{CodePoints(payload)}\n"
        );
        return Encoding.UTF8.GetBytes(header + payload);
    }

    /// <summary>
    /// PROCESS_LOG and PROCESS_COMMUNICATION with UTF-8 output (nearly always): the payload's bytes are its first line
    /// and the output as read, so the envelope is copied together from bytes, and len counts the output's code points
    /// in its UTF-8 (every byte that is not a continuation byte), instead of decoding up to a megabyte to a string
    /// and encoding it back. Byte for byte what <see cref="Payload"/> gives.
    /// </summary>
    private static byte[] OutputEnvelope(
        string identifier,
        long serial,
        string pool,
        long poolSerial,
        SupervisorEvent published,
        string head,
        ReadOnlySpan<byte> data
    )
    {
        var length = CodePoints(head);
        foreach (var b in data)
        {
            length += (b & 0xC0) != 0x80 ? 1 : 0;
        }
        var header =
            string.Create(
                CultureInfo.InvariantCulture,
                $"ver:3.0 server:{identifier} serial:{serial} pool:{pool} poolserial:{poolSerial} eventname:{TypeName(published)} len:{length}\n"
            ) + head;
        var envelope = new byte[Encoding.UTF8.GetByteCount(header) + data.Length];
        var written = Encoding.UTF8.GetBytes(header, envelope);
        data.CopyTo(envelope.AsSpan(written));
        return envelope;
    }

    /// <summary>An output event's first payload line and its output bytes; (null, empty) for every other type.</summary>
    private static (string? Head, ReadOnlyMemory<byte> Data) OutputOf(SupervisorEvent published) =>
        published switch
        {
            ProcessLog log => (
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"processname:{log.Process} groupname:{log.Group} pid:{log.Pid} channel:{ChannelName(log.Channel)}\n"
                ),
                log.Data
            ),
            ProcessCommunication comm => (
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"processname:{comm.Process} groupname:{comm.Group} pid:{comm.Pid}\n"
                ),
                comm.Data
            ),
            _ => (null, ReadOnlyMemory<byte>.Empty),
        };

    /// <summary>Python's len(str): Unicode code points (a surrogate pair is one, unlike <see cref="string.Length"/>).</summary>
    public static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    private static string ProcessStatePayload(ProcessStateChanged change)
    {
        // ProcessStateEvent.get_extra_values of each subclass.
        var head = $"processname:{change.Process} groupname:{change.Group} from_state:{change.From}";
        return change.To switch
        {
            "STARTING" or "BACKOFF" => string.Create(CultureInfo.InvariantCulture, $"{head} tries:{change.Tries}"),
            "EXITED" => string.Create(
                CultureInfo.InvariantCulture,
                $"{head} expected:{(change.Expected ? 1 : 0)} pid:{change.Pid}"
            ),
            "RUNNING" or "STOPPING" or "STOPPED" => string.Create(
                CultureInfo.InvariantCulture,
                $"{head} pid:{change.Pid}"
            ),
            _ => head,
        };
    }

    private static string ChannelName(OutputChannel channel) => channel == OutputChannel.Stdout ? "stdout" : "stderr";

    /// <summary>as_string(data), or Supervisor's <c>Undecodable: b'…'</c> (the repr of the bytes) when it is not UTF-8.</summary>
    private static string Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            return Strict.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return "Undecodable: " + BytesRepr(data);
        }
    }

    /// <summary>Python's repr() of a bytes object.</summary>
    private static string BytesRepr(ReadOnlySpan<byte> data)
    {
        var quote = data.Contains((byte)'\'') && !data.Contains((byte)'"') ? '"' : '\'';
        var builder = new StringBuilder(data.Length + 3).Append('b').Append(quote);
        foreach (var b in data)
        {
            switch (b)
            {
                case (byte)'\\':
                    builder.Append(@"\\");
                    break;
                case (byte)'\n':
                    builder.Append(@"\n");
                    break;
                case (byte)'\r':
                    builder.Append(@"\r");
                    break;
                case (byte)'\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (b == quote)
                    {
                        builder.Append('\\').Append(quote);
                    }
                    else if (b < 0x20 || b >= 0x7f)
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
                    }
                    else
                    {
                        builder.Append((char)b);
                    }
                    break;
            }
        }
        return builder.Append(quote).ToString();
    }
}
