using System.Globalization;
using System.Text;

namespace Supervise.Supervisord.Hosting;

/// <summary>
/// A record of our live children beside the pidfile (<c>supervisord.pid.children</c>), so that a daemon started after
/// a crash of the previous one (SIGKILL, OOM) finds the children it left behind and stops them before starting its
/// own: Supervisor would start a second copy of every program. Each child is identified by pid and its start time
/// from /proc/PID/stat, so a reused pid is never mistaken for ours. The file is an append-only journal
/// ("+ pid start signal group name" / "- pid"), one write per spawn or exit, compacted when it grows.
/// </summary>
public sealed class SurvivorRecord : IDisposable
{
    // Guards the journal and the live set: spawns and exits are reported from actor and reaper threads.
    private readonly Lock _gate = new();
    private readonly Dictionary<int, string> _live = [];
    private readonly string _path;
    private FileStream? _journal;
    private int _lines;

    public SurvivorRecord(string pidfile)
    {
        _path = pidfile + ".children";
    }

    public string Path => _path;

    public void Spawned(int pid, int stopSignal, bool toGroup, string name)
    {
        var start = StartTime(pid);
        if (start is null)
        {
            return;
        }
        var entry = $"{pid} {start} {stopSignal} {(toGroup ? 1 : 0)} {name}";
        lock (_gate)
        {
            _live[pid] = entry;
            Append("+ " + entry);
        }
    }

    public void Reaped(int pid)
    {
        lock (_gate)
        {
            if (_live.Remove(pid))
            {
                Append("- " + pid.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The children a previous daemon recorded that are still alive (same pid and same start time).</summary>
    public static IReadOnlyList<Survivor> FindSurvivors(string pidfile)
    {
        var path = pidfile + ".children";
        if (!File.Exists(path))
        {
            return [];
        }
        var live = new Dictionary<int, Survivor>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(' ', 6);
            if (fields.Length >= 2 && fields[0] == "-" && int.TryParse(fields[1], out var gone))
            {
                live.Remove(gone);
            }
            else if (
                fields.Length == 6
                && fields[0] == "+"
                && int.TryParse(fields[1], out var pid)
                && ulong.TryParse(fields[2], out var start)
                && int.TryParse(fields[3], out var signal)
            )
            {
                live[pid] = new Survivor(pid, start, signal, fields[4] == "1", fields[5]);
            }
        }
        return live.Values.Where(s => StartTime(s.Pid) == s.StartTime).ToList();
    }

    /// <summary>Field 22 of /proc/PID/stat (clock ticks after boot), or null when the process does not exist.</summary>
    public static ulong? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return ulong.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception exception)
            when (exception is IOException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException
            )
        {
            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _journal?.Dispose();
            _journal = null;
            if (_live.Count == 0)
            {
                try
                {
                    File.Delete(_path);
                }
                catch (IOException)
                {
                    // Harmless: a later start reads it and finds nobody alive.
                }
            }
        }
    }

    private void Append(string line)
    {
        try
        {
            if (_journal is null || _lines > 64 + (4 * _live.Count))
            {
                Compact();
            }
            _journal!.Write(Encoding.UTF8.GetBytes(line + "\n"));
            _lines++;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The record is a safety net; failing to keep it must never stop supervision.
        }
    }

    private void Compact()
    {
        _journal?.Dispose();
        var temporary = _path + ".tmp";
        File.WriteAllLines(temporary, _live.Values.Select(v => "+ " + v));
        File.Move(temporary, _path, overwrite: true);
        _journal = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _lines = _live.Count;
    }

    public sealed record Survivor(int Pid, ulong StartTime, int StopSignal, bool ToGroup, string Name);
}
