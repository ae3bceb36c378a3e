using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Logging;

/// <summary>The flood clock: pipes that left the epoll set are drained at each tick of a timerfd.</summary>
public sealed partial class OutputReactor
{
    /// <summary>
    /// Sets the drain clock for the floods now running: the time the smallest of their pipes takes to fill at 2 GB/s
    /// (0.5 ms for 1 MiB, 2 ms for 4 MiB, never below 0.25 ms), or stops it when there are none.
    /// </summary>
    private void SetClock()
    {
        _tick.SetPeriod(_floods.Count == 0 ? 0 : Math.Max(250_000, _floods.Min(f => f.Capacity) / 2));
    }

    private void DrainFloods()
    {
        var before = _floods.Count;
        for (var i = _floods.Count - 1; i >= 0; i--)
        {
            var source = _floods[i];
            var drained = Drain(source, out var atEnd);
            if (atEnd)
            {
                _floods.RemoveAt(i);
                Close(source);
            }
            else if (drained < FloodFloor)
            {
                _floods.RemoveAt(i);
                Pipes.TryGrow(source.Fd, DefaultPipe);
                _set.Add(source.Fd, source.Id);
            }
        }
        if (_floods.Count != before)
        {
            SetClock();
        }
    }

    /// <summary>Moves what a flooding pipe holds now: spliced into the log file when possible, read otherwise.</summary>
    private long Drain(Source source, out bool atEnd)
    {
        atEnd = false;
        long drained = 0;
        while (source.CanSplice)
        {
            var moved = source.Log.TrySplice(source.Fd);
            if (moved < 0)
            {
                break;
            }
            drained += moved;
            ReportLogFile(source.Log);
            if (moved < Chunk)
            {
                // Empty and at end of file look alike here; a pipe at its end rejoins the set and reads 0 there.
                return drained;
            }
        }
        long read;
        while ((read = Read(source)) > 0)
        {
            drained += read;
            if (read < _buffer.Length)
            {
                return drained;
            }
        }
        atEnd = read == 0;
        return drained;
    }
}
