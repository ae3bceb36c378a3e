using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Supervise.Supervisord.Metrics;

/// <summary>
/// Writes Prometheus' text exposition format 0.0.4 straight into a buffer rented from the array pool: a family is a
/// <c># HELP</c> and a <c># TYPE</c> line, then its samples, <c>name{label="value",…} number</c>. Label values are
/// escaped as the format asks (backslash, double quote, line feed), HELP text as well (backslash, line feed). One
/// scrape owns one writer; dispose it to give the buffer back.
/// </summary>
public sealed class ExpositionWriter : IDisposable
{
    private static readonly SearchValues<char> LabelEscapes = SearchValues.Create("\\\"\n");
    private static readonly SearchValues<char> HelpEscapes = SearchValues.Create("\\\n");
    private byte[] _buffer;
    private int _length;
    private bool _labelsOpen;

    public ExpositionWriter(int initialCapacity = 64 * 1024) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>What was written so far.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Starts a family: its HELP and TYPE lines (type is counter, gauge, histogram or untyped).</summary>
    public void Family(string name, string type, string help)
    {
        Raw("# HELP "u8);
        Ascii(name);
        Raw(" "u8);
        Escaped(help, HelpEscapes);
        Raw("\n# TYPE "u8);
        Ascii(name);
        Raw(" "u8);
        Ascii(type);
        Raw("\n"u8);
    }

    /// <summary>Starts a family from UTF-8 constants that need no escaping (the daemon's own names and help texts).</summary>
    public void Family(ReadOnlySpan<byte> name, ReadOnlySpan<byte> type, ReadOnlySpan<byte> help)
    {
        Raw("# HELP "u8);
        Raw(name);
        Raw(" "u8);
        Raw(help);
        Raw("\n# TYPE "u8);
        Raw(name);
        Raw(" "u8);
        Raw(type);
        Raw("\n"u8);
    }

    /// <summary>Starts a sample line from a UTF-8 name (and suffix: _bucket, _sum, _count).</summary>
    public ExpositionWriter Sample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> suffix = default)
    {
        Raw(name);
        Raw(suffix);
        _labelsOpen = false;
        return this;
    }

    /// <summary>A label whose key is a UTF-8 constant; the value is escaped.</summary>
    public ExpositionWriter Label(ReadOnlySpan<byte> key, string value)
    {
        NextLabel();
        Raw(key);
        return EscapedValue(value);
    }

    /// <summary>A label whose key and value are UTF-8 constants that need no escaping (state names, true, stdout).</summary>
    public ExpositionWriter Label(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        NextLabel();
        Raw(key);
        Raw("=\""u8);
        Raw(value);
        Raw("\""u8);
        return this;
    }

    /// <summary>Starts a sample line; add labels, then end it with a value.</summary>
    public ExpositionWriter Sample(string name, string suffix = "")
    {
        Ascii(name);
        Ascii(suffix);
        _labelsOpen = false;
        return this;
    }

    public ExpositionWriter Label(string key, string value)
    {
        NextLabel();
        Ascii(key);
        return EscapedValue(value);
    }

    /// <summary>Opens the label set, or separates this label from the one before.</summary>
    private void NextLabel()
    {
        Raw(_labelsOpen ? ","u8 : "{"u8);
        _labelsOpen = true;
    }

    private ExpositionWriter EscapedValue(string value)
    {
        Raw("=\""u8);
        Escaped(value, LabelEscapes);
        Raw("\""u8);
        return this;
    }

    public void Value(long value)
    {
        EndLabels();
        Ensure(24);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
        Raw("\n"u8);
    }

    /// <summary>
    /// <paramref name="units"/> / 10^<paramref name="decimals"/>, written exactly and without trailing zeros
    /// (1796164798647 ms, 3 → 1796164798.647): a Unix time in milliseconds or a duration in ticks, formatted as
    /// integers, several times faster than a double's round-trip format.
    /// </summary>
    public void Value(long units, int decimals)
    {
        EndLabels();
        Ensure(44);
        var span = _buffer.AsSpan(_length);
        var at = 0;
        if (units < 0)
        {
            span[at++] = (byte)'-';
            units = -units;
        }
        var scale = 1L;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        Utf8Formatter.TryFormat(units / scale, span[at..], out var written);
        at += written;
        var fraction = units % scale;
        if (fraction != 0)
        {
            span[at++] = (byte)'.';
            Utf8Formatter.TryFormat(fraction, span[at..], out written, new StandardFormat('D', (byte)decimals));
            while (span[at + written - 1] == (byte)'0')
            {
                written--;
            }
            at += written;
        }
        span[at++] = (byte)'\n';
        _length += at;
    }

    public void Value(double value)
    {
        // Most figures are whole numbers (0, counts, bytes): the integer formatter is several times faster than "R".
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            Value((long)value);
            return;
        }
        EndLabels();
        if (double.IsNaN(value))
        {
            Raw("NaN\n"u8);
            return;
        }
        if (double.IsInfinity(value))
        {
            Raw(value > 0 ? "+Inf\n"u8 : "-Inf\n"u8);
            return;
        }
        Ensure(32);
        value.TryFormat(_buffer.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture);
        _length += written;
        Raw("\n"u8);
    }

    /// <summary>
    /// Adds labels encoded once by <see cref="LabelText"/> into another writer, so that a process's group and name are
    /// escaped and encoded once per scrape instead of once per sample.
    /// </summary>
    public ExpositionWriter Labels(ReadOnlySpan<byte> encoded)
    {
        Raw(_labelsOpen ? ","u8 : "{"u8);
        _labelsOpen = true;
        Raw(encoded);
        return this;
    }

    /// <summary>Writes <c>key="value"</c> (escaped), preceded by a comma unless it is the first of its set.</summary>
    public void LabelText(string key, string value, bool first)
    {
        if (!first)
        {
            Raw(","u8);
        }
        Ascii(key);
        Raw("=\""u8);
        Escaped(value, LabelEscapes);
        Raw("\""u8);
    }

    /// <summary>A histogram bucket's <c>le</c> label, formatted as Prometheus' clients do (0.005, 1, +Inf).</summary>
    public ExpositionWriter BucketLabel(double bound)
    {
        Raw(_labelsOpen ? ",le=\""u8 : "{le=\""u8);
        _labelsOpen = true;
        if (double.IsPositiveInfinity(bound))
        {
            Raw("+Inf"u8);
        }
        else
        {
            Ensure(32);
            bound.TryFormat(_buffer.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture);
            _length += written;
        }
        Raw("\""u8);
        return this;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void EndLabels()
    {
        Raw(_labelsOpen ? "} "u8 : " "u8);
        _labelsOpen = false;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Names and types: the callers' constants, which need no escaping.</summary>
    private void Ascii(string text) => Utf8(text);

    private void Escaped(string text, SearchValues<char> escapes)
    {
        var rest = text.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(escapes)) >= 0)
        {
            Utf8(rest[..next]);
            Raw(
                rest[next] switch
                {
                    '\\' => "\\\\"u8,
                    '"' => "\\\""u8,
                    _ => "\\n"u8,
                }
            );
            rest = rest[(next + 1)..];
        }
        Utf8(rest);
    }

    private void Utf8(ReadOnlySpan<char> text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
