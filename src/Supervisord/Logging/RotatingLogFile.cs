namespace Supervise.Supervisord.Logging;

/// <summary>
/// An append-only log file of raw bytes with Supervisor's rotation names (x.log → x.log.1 … x.log.N). Unlike
/// Supervisor, which rotates after the write that crossed maxbytes, a write is split so that every rotated file holds
/// exactly maxbytes. maxbytes 0 never rotates, which is what character devices and pipes (/dev/stdout) need; those are
/// opened without seeking, so there is no "Illegal seek". Writes are unbuffered: bytes are in the file when Write
/// returns, so tail and readers see them at once. Never throws: an I/O failure (ENOSPC, EIO, a directory gone) sets
/// <see cref="Failing"/> and the bytes not written are held in a bounded buffer (RotatingLogFile.Holding.cs), written
/// out in order by <see cref="Retry"/>; only bytes pushed out of that buffer count as dropped. The counters are read
/// from other threads (metrics), so they are updated with Interlocked.
/// </summary>
public sealed partial class RotatingLogFile : IDisposable
{
    /// <summary>Bytes held per file while it cannot be written (docs/reliability.md).</summary>
    public const long DefaultHoldBytes = 4 << 20;

    private readonly long _maxBytes;
    private readonly int _backups;
    private FileStream? _stream;
    private long _size;
    private long _written;
    private long _dropped;
    private volatile string? _failure;
    private bool _disposed;

    private readonly bool _privateFile;

    /// <param name="privateFile">Create the file with mode 0600, as Supervisor's mkstemp does for AUTO logs.</param>
    /// <param name="holdBytes">How many bytes to hold while the file cannot be written.</param>
    public RotatingLogFile(
        string path,
        long maxBytes,
        int backups,
        bool privateFile = false,
        long holdBytes = DefaultHoldBytes
    )
    {
        _privateFile = privateFile;
        Path = path;
        var special = IsSpecialFile(path);
        _maxBytes = special ? 0 : maxBytes;
        _backups = backups;
        _held = new HeldBytes(holdBytes);
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

    /// <summary>
    /// How many times the file started failing; an episode can begin and end inside one call (a removed file
    /// recreated at once), and is still reported.
    /// </summary>
    public int FailureEpisodes { get; private set; }

    /// <summary>True when the last attempt to open the file failed (the spawn of its process fails then).</summary>
    public bool OpenFailed { get; private set; }

    /// <summary>The last failure as Python's errno.errorcode names it (ENOENT, ENOSPC), for spawn errors.</summary>
    public string? LastErrno { get; private set; }

    /// <summary>True while the file is open (false after a failed open, until a retry or reopen opens it).</summary>
    public bool IsOpen => _stream is not null;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || _disposed)
        {
            return;
        }
        CheckUnlinked();
        if (_held.Length > 0 || _stream is null)
        {
            // Behind held bytes, or with no file: wait for the retry, so that the order is kept.
            Hold(data);
            return;
        }
        var written = WriteThrough(data);
        if (written < data.Length)
        {
            Hold(data[(int)written..]);
        }
        else
        {
            _failure = null;
        }
    }

    /// <summary>Writes as much of <paramref name="data"/> as the file takes, rotating at maxbytes; returns the bytes written.</summary>
    private long WriteThrough(ReadOnlySpan<byte> data)
    {
        var total = 0L;
        while (total < data.Length)
        {
            if (_stream is null && !Open())
            {
                return total;
            }
            var rest = data[(int)total..];
            var room = _maxBytes > 0 ? (int)Math.Min(rest.Length, Math.Max(0, _maxBytes - _size)) : rest.Length;
            if (room > 0)
            {
                var before = _size;
                try
                {
                    _stream!.Write(rest[..room]);
                    _size += room;
                    Wrote(room);
                    total += room;
                }
                catch (IOException exception)
                {
                    // A write(2) may have taken part of the chunk before ENOSPC: those bytes are in the file already.
                    var partial = WrittenSince(before, room);
                    Wrote(partial);
                    total += partial;
                    Fail(exception);
                    CloseStream();
                    return total;
                }
            }
            if (_maxBytes > 0 && _size >= _maxBytes)
            {
                Rotate();
            }
        }
        return total;
    }

    /// <summary>
    /// Moves bytes waiting in a pipe straight into the file (splice), honouring maxbytes exactly like
    /// <see cref="Write"/>. Returns the bytes moved, 0 when the pipe is empty, or -1 when splicing is not possible
    /// here (a device such as /dev/stdout, a closed file, a file system without splice): then use Write.
    /// </summary>
    public long SpliceFrom(int pipeFd)
    {
        if (_stream is null || _held.Length > 0 || IsSpecialFile(Path))
        {
            return -1;
        }
        CheckUnlinked();
        if (_stream is null)
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
        CloseStream();
        Retry();
    }

    /// <summary>Empties the file (clearProcessLogs), keeping backups.</summary>
    public void Clear()
    {
        CloseStream();
        _held.Consume(_held.Length);
        Interlocked.Exchange(ref _heldCount, 0);
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
        _disposed = true;
        CloseStream();
        AddDropped(_held.Length);
        _held.Consume(_held.Length);
    }

    private void Rotate()
    {
        CloseStream();
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
                _checkedSize = _size;
            }
            OpenFailed = false;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fail(exception);
            _stream = null;
            OpenFailed = true;
            return false;
        }
    }

    private void Fail(Exception exception)
    {
        if (_failure is null)
        {
            // A new failure episode: its drop count starts from zero.
            Interlocked.Exchange(ref _episodeDropped, 0);
            FailureEpisodes++;
        }
        LastError = exception.Message;
        LastErrno = exception switch
        {
            FileNotFoundException or DirectoryNotFoundException => "ENOENT",
            UnauthorizedAccessException => "EACCES",
            PathTooLongException => "ENAMETOOLONG",
            _ when exception.HResult is > 0 and < 200 => Platform.Errno.Name(exception.HResult),
            _ => "EIO",
        };
        _failure = exception.Message;
    }

    private void Wrote(long bytes) => Interlocked.Add(ref _written, bytes);

    private static bool IsSpecialFile(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);
}
