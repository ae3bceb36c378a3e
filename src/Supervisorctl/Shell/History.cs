namespace Supervise.Supervisorctl.Shell;

/// <summary>The shell's command history, kept in a file across sessions as readline's history file is.</summary>
internal sealed class History(string? path)
{
    private const int Limit = 1000;
    private readonly List<string> _lines = [];
    private bool _changed;

    public IReadOnlyList<string> Lines => _lines;

    public void Load()
    {
        try
        {
            if (path is not null && File.Exists(path))
            {
                _lines.AddRange(File.ReadAllLines(path).Where(l => l.Length > 0).TakeLast(Limit));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // As readline.read_history_file's IOError: a missing or unreadable history is not an error.
        }
    }

    public void Add(string line)
    {
        if (line.Trim().Length > 0 && (_lines.Count == 0 || _lines[^1] != line))
        {
            _lines.Add(line);
            _changed = true;
        }
    }

    public void Save()
    {
        try
        {
            if (path is not null && _changed)
            {
                File.WriteAllLines(path, _lines.TakeLast(Limit));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Supervisor ignores a history file it cannot write.
        }
    }
}
