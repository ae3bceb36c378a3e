namespace Supervise.Supervisord.Logging;

/// <summary>
/// What a log file does when it cannot be written: the bytes wait in a bounded <see cref="HeldBytes"/> buffer, in
/// order, and later writes queue behind them; <see cref="Retry"/> (driven by a timer with backoff, see
/// <see cref="RetryBackoff"/>) recreates a missing directory, reopens the file and writes the buffer out. A file
/// whose directory entry was removed (rm -rf of the log directory) keeps taking writes into an unlinked inode, so at
/// most once a second a write looks at /proc/self/fd: when the inode is gone, what was written since the last look is
/// read back from it and written, first, into the recreated file.
/// </summary>
public sealed partial class RotatingLogFile
{
    // How often a write checks that the open file still has a name; readlink(2) is cheap but not free per line.
    private const long UnlinkCheckMilliseconds = 1000;

    private readonly HeldBytes _held;
    private long _heldCount;
    private long _episodeDropped;
    private long _checkedSize;
    private long _lastUnlinkCheck = Environment.TickCount64;

    /// <summary>Bytes held in memory now, waiting for the file to take them; read-only, for metrics.</summary>
    public long HeldByteCount => Interlocked.Read(ref _heldCount);

    /// <summary>The hold buffer's bound.</summary>
    public long HoldCapacity => _held.Capacity;

    /// <summary>Bytes dropped (oldest first) since the current or last failure began.</summary>
    public long EpisodeDroppedBytes => Interlocked.Read(ref _episodeDropped);

    /// <summary>True when bytes wait or the file is closed by a failure: the owner should call <see cref="Retry"/>.</summary>
    public bool NeedsRetry => !_disposed && (_stream is null || _held.Length > 0);

    /// <summary>
    /// Recreates the directory when it is missing, opens the file when it is closed, and writes the held bytes out in
    /// order. Returns true while bytes are still held or the file is still closed.
    /// </summary>
    public bool Retry()
    {
        if (_disposed)
        {
            return false;
        }
        if (_stream is null)
        {
            RecreateDirectory();
            if (!Open())
            {
                return true;
            }
        }
        while (_held.Length > 0)
        {
            var head = _held.Peek();
            var written = WriteThrough(head.Span);
            _held.Consume(written);
            Interlocked.Exchange(ref _heldCount, _held.Length);
            if (written < head.Length)
            {
                return true;
            }
        }
        _failure = null;
        return false;
    }

    /// <summary>Looks now (not at most once a second) whether the open file lost its name; internal for specs.</summary>
    internal void DetectUnlinked()
    {
        if (_stream is null || IsSpecialFile(Path))
        {
            return;
        }
        string? target;
        try
        {
            target = new FileInfo($"/proc/self/fd/{_stream.SafeFileHandle.DangerousGetHandle()}").LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }
        if (target is null || !target.EndsWith(" (deleted)", StringComparison.Ordinal))
        {
            _checkedSize = _size;
            return;
        }
        var salvaged = Salvage();
        CloseStream();
        Fail(new IOException($"{Path} was removed"));
        Hold(salvaged);
        Retry();
    }

    private void CheckUnlinked()
    {
        var now = Environment.TickCount64;
        if (_stream is null || now - _lastUnlinkCheck < UnlinkCheckMilliseconds)
        {
            return;
        }
        _lastUnlinkCheck = now;
        DetectUnlinked();
    }

    /// <summary>The bytes written to the unlinked inode since the last look (its newest HoldCapacity at most).</summary>
    private byte[] Salvage()
    {
        var from = Math.Max(_checkedSize, _size - _held.Capacity);
        AddDropped(from - _checkedSize);
        try
        {
            using var reader = new FileStream(
                $"/proc/self/fd/{_stream!.SafeFileHandle.DangerousGetHandle()}",
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete
            );
            var buffer = new byte[Math.Max(0, _size - from)];
            reader.Position = from;
            reader.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            AddDropped(_size - from);
            return [];
        }
    }

    private void Hold(ReadOnlySpan<byte> data)
    {
        AddDropped(_held.Append(data));
        Interlocked.Exchange(ref _heldCount, _held.Length);
    }

    private void AddDropped(long bytes)
    {
        if (bytes > 0)
        {
            Interlocked.Add(ref _dropped, bytes);
            Interlocked.Add(ref _episodeDropped, bytes);
        }
    }

    /// <summary>
    /// The log directory vanished (rm -rf): make it again, 0700 for an AUTO log's directory (Supervisor's childlogdir
    /// holds mkstemp's 0600 files) and 0755 otherwise. Only the missing levels are created.
    /// </summary>
    private void RecreateDirectory()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (string.IsNullOrEmpty(directory) || IsSpecialFile(Path) || Directory.Exists(directory))
        {
            return;
        }
        try
        {
            var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            if (!_privateFile)
            {
                mode |=
                    UnixFileMode.GroupRead
                    | UnixFileMode.GroupExecute
                    | UnixFileMode.OtherRead
                    | UnixFileMode.OtherExecute;
            }
            Directory.CreateDirectory(directory, mode);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fail(exception);
        }
    }

    /// <summary>The bytes a failed write of <paramref name="attempted"/> bytes at <paramref name="before"/> did put in the file.</summary>
    private long WrittenSince(long before, int attempted)
    {
        try
        {
            var length = RandomAccess.GetLength(_stream!.SafeFileHandle);
            return Math.Clamp(length - before, 0, attempted);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            return 0;
        }
    }

    private void CloseStream()
    {
        try
        {
            _stream?.Dispose();
        }
        catch (IOException)
        {
            // Closing flushes nothing (unbuffered); an EIO at close must not escape.
        }
        _stream = null;
    }
}
