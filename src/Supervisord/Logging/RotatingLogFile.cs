namespace Supervise.Supervisord.Logging;

/// <summary>
/// An append-only log file of raw bytes with Supervisor's rotation names (x.log → x.log.1 … x.log.N). Unlike
/// Supervisor, which rotates after the write that crossed maxbytes, a write is split so that every rotated file holds
/// exactly maxbytes. maxbytes 0 never rotates, which is what character devices and pipes (/dev/stdout) need; those are
/// opened without seeking, so there is no "Illegal seek". Writes are unbuffered: bytes are in the file when Write
/// returns, so tail and readers see them at once. Never throws: an I/O failure sets <see cref="Failing"/> (until a
/// write gets through again) and the bytes are counted as dropped; the output reactor reports both changes in the main
/// log. The counters are read from other threads (metrics), so they are updated with Interlocked.
/// </summary>
public sealed class RotatingLogFile : IDisposable
{
    private readonly long _maxBytes;
    private readonly int _backups;
    private FileStream? _stream;
    private long _size;
    private long _written;
    private long _dropped;
    private volatile string? _failure;

    private readonly bool _privateFile;

    /// <param name="privateFile">Create the file with mode 0600, as Supervisor's mkstemp does for AUTO logs.</param>
    public RotatingLogFile(string path, long maxBytes, int backups, bool privateFile = false)
    {
        _privateFile = privateFile;
        Path = path;
        var special = IsSpecialFile(path);
        _maxBytes = special ? 0 : maxBytes;
        _backups = backups;
        Open();
    }

    public string Path { get; }

    /// <summary>The last failure's message (kept after a recovery).</summary>
    public string? LastError { get; private set; }

    /// <summary>True from a failed write, open or rotation until the next write that gets through.</summary>
    public bool Failing => _failure is not null;

    /// <summary>Bytes that reached the file (written or spliced) since it was first opened.</summary>
    public long WrittenBytes => Interlocked.Read(ref _written);

    /// <summary>Bytes lost because the file could not be opened or written.</summary>
    public long DroppedBytes => Interlocked.Read(ref _dropped);

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_stream is null && !Open())
            {
                Interlocked.Add(ref _dropped, data.Length);
                return;
            }
            var room = _maxBytes > 0 ? (int)Math.Min(data.Length, Math.Max(0, _maxBytes - _size)) : data.Length;
            if (room > 0)
            {
                try
                {
                    _stream!.Write(data[..room]);
                    _size += room;
                    Wrote(room);
                }
                catch (IOException exception)
                {
                    Fail(exception);
                    Interlocked.Add(ref _dropped, data.Length);
                    return;
                }
                data = data[room..];
            }
            if (_maxBytes > 0 && _size >= _maxBytes)
            {
                Rotate();
            }
        }
    }

    /// <summary>
    /// Moves bytes waiting in a pipe straight into the file (splice), honouring maxbytes exactly like
    /// <see cref="Write"/>. Returns the bytes moved, 0 when the pipe is empty, or -1 when splicing is not possible
    /// here (a device such as /dev/stdout, a closed file, a file system without splice): then use Write.
    /// </summary>
    public long SpliceFrom(int pipeFd)
    {
        if (_stream is null || IsSpecialFile(Path))
        {
            return -1;
        }
        var room = _maxBytes > 0 ? _maxBytes - _size : 1 << 20;
        var (outcome, moved) = Platform.Splice.FromPipe(pipeFd, _stream.SafeFileHandle, _size, Math.Min(room, 1 << 20));
        if (outcome != Platform.Splice.Outcome.Moved)
        {
            return outcome == Platform.Splice.Outcome.PipeEmpty ? 0 : -1;
        }
        _size += moved;
        Wrote(moved);
        _stream.Position = _size;
        if (_maxBytes > 0 && _size >= _maxBytes)
        {
            Rotate();
        }
        return moved;
    }

    /// <summary>Closes and opens the file again (SIGUSR2, or after logrotate moved it away).</summary>
    public void Reopen()
    {
        _stream?.Dispose();
        _stream = null;
        Open();
    }

    /// <summary>Empties the file (clearProcessLogs), keeping backups.</summary>
    public void Clear()
    {
        _stream?.Dispose();
        _stream = null;
        try
        {
            if (!IsSpecialFile(Path))
            {
                File.Delete(Path);
            }
        }
        catch (IOException exception)
        {
            Fail(exception);
        }
        Open();
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }

    private void Rotate()
    {
        _stream?.Dispose();
        _stream = null;
        try
        {
            if (_backups > 0)
            {
                for (var i = _backups - 1; i >= 1; i--)
                {
                    var source = $"{Path}.{i}";
                    if (File.Exists(source))
                    {
                        File.Move(source, $"{Path}.{i + 1}", overwrite: true);
                    }
                }
                File.Move(Path, $"{Path}.1", overwrite: true);
            }
            else
            {
                File.Delete(Path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fail(exception);
        }
        Open();
    }

    private bool Open()
    {
        try
        {
            if (IsSpecialFile(Path))
            {
                _stream = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                _size = 0;
            }
            else
            {
                var options = new FileStreamOptions
                {
                    Mode = FileMode.Append,
                    Access = FileAccess.Write,
                    Share = FileShare.ReadWrite | FileShare.Delete,
                    BufferSize = 0,
                };
                if (_privateFile)
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                _stream = new FileStream(Path, options);
                _size = _stream.Length;
            }
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fail(exception);
            _stream = null;
            return false;
        }
    }

    private void Fail(Exception exception)
    {
        LastError = exception.Message;
        _failure = exception.Message;
    }

    private void Wrote(long bytes)
    {
        Interlocked.Add(ref _written, bytes);
        _failure = null;
    }

    private static bool IsSpecialFile(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);
}
