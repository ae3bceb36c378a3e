namespace Supervise.Supervisord.Logging;

/// <summary>
/// Capture mode for one channel of one spawn (<c>*_capture_maxbytes</c> &gt; 0, Supervisor's
/// POutputDispatcher.record_output): output between <c>&lt;!--XSUPERVISOR:BEGIN--&gt;</c> and
/// <c>&lt;!--XSUPERVISOR:END--&gt;</c> goes to a bounded buffer instead of the log, and each finished block is handed
/// to <paramref name="completed"/> (a PROCESS_COMMUNICATION event); the tokens themselves are written nowhere. A
/// token may be split between two reads: only a tail that is the start of the token being looked for is held back.
/// </summary>
/// <remarks>
/// Two deliberate departures from Supervisor (docs/compatibility.md, events): Supervisor holds back up to a token's
/// length of any output until more comes, and drops it when the process exits; here only a true token prefix is held,
/// and <see cref="Flush"/> writes it (and an unfinished block, with its BEGIN token) to the log at end of file. A block
/// keeps its last <paramref name="maxBytes"/> bytes (Supervisor's BoundIO keeps roughly that much).
/// </remarks>
public sealed class CaptureSplitter(long maxBytes, CaptureSplitter.Sink log, Action<byte[]> completed)
{
    /// <summary>Where output outside blocks goes; the span may be modified by the sink (strip_ansi compacts in place).</summary>
    public delegate void Sink(Span<byte> data);

    public static ReadOnlySpan<byte> BeginToken => "<!--XSUPERVISOR:BEGIN-->"u8;

    public static ReadOnlySpan<byte> EndToken => "<!--XSUPERVISOR:END-->"u8;

    private readonly byte[] _held = new byte[BeginToken.Length];
    private readonly int _capacity = (int)Math.Clamp(maxBytes, 1, int.MaxValue);
    private int _heldLength;
    private TailBuffer? _block;

    /// <summary>Whether a BEGIN token was seen and its END not yet.</summary>
    public bool Capturing { get; private set; }

    public void Write(Span<byte> chunk)
    {
        if (_heldLength > 0)
        {
            // Rare: the last read ended inside what may be a token; join it to this one.
            var joined = new byte[_heldLength + chunk.Length];
            _held.AsSpan(0, _heldLength).CopyTo(joined);
            chunk.CopyTo(joined.AsSpan(_heldLength));
            _heldLength = 0;
            chunk = joined;
        }
        while (!chunk.IsEmpty)
        {
            var token = Capturing ? EndToken : BeginToken;
            var at = chunk.IndexOf(token);
            if (at < 0)
            {
                var keep = PrefixAtEnd(chunk, token);
                Emit(chunk[..^keep]);
                chunk[^keep..].CopyTo(_held);
                _heldLength = keep;
                return;
            }
            Emit(chunk[..at]);
            chunk = chunk[(at + token.Length)..];
            Toggle();
        }
    }

    /// <summary>End of file: what was held back, and a block that never ended (BEGIN token included), go to the log.</summary>
    public void Flush()
    {
        if (Capturing)
        {
            var begin = BeginToken.ToArray();
            log(begin);
            var captured = _block?.Contents() ?? [];
            log(captured);
            _block = null;
            Capturing = false;
        }
        log(_held.AsSpan(0, _heldLength));
        _heldLength = 0;
    }

    private void Emit(Span<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }
        if (Capturing)
        {
            (_block ??= new TailBuffer(_capacity)).Append(data);
        }
        else
        {
            log(data);
        }
    }

    private void Toggle()
    {
        if (Capturing)
        {
            completed(_block?.Contents() ?? []);
            _block = null;
        }
        Capturing = !Capturing;
    }

    /// <summary>The length of the longest tail of <paramref name="data"/> that is a proper prefix of the token.</summary>
    private static int PrefixAtEnd(ReadOnlySpan<byte> data, ReadOnlySpan<byte> token)
    {
        for (var length = Math.Min(token.Length - 1, data.Length); length > 0; length--)
        {
            if (data[^length..].SequenceEqual(token[..length]))
            {
                return length;
            }
        }
        return 0;
    }
}
