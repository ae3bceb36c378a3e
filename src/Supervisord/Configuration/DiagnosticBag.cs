using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration;

/// <summary>
/// Collects what loading finds. Identical diagnostics are kept once: a program listed in two [group:x] sections is
/// bound twice, and its errors should not be reported twice. Past <see cref="MaxKept"/> of a kind they are only
/// counted (a file of 100,000 bad lines must not make a report of megabytes); <see cref="Summarize"/> adds the count.
/// </summary>
internal sealed class DiagnosticBag
{
    public const int MaxKept = 100;

    private readonly List<ConfigDiagnostic> _errors = [];
    private readonly List<ConfigDiagnostic> _warnings = [];
    private readonly HashSet<ConfigDiagnostic> _seen = [];
    private int _droppedErrors;
    private int _droppedWarnings;

    public List<string> Notices { get; } = [];

    public IReadOnlyList<ConfigDiagnostic> Errors => _errors;

    public IReadOnlyList<ConfigDiagnostic> Warnings => _warnings;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Every error recorded, the ones past the bound included.</summary>
    public int ErrorCount => _errors.Count + _droppedErrors;

    public void Error(ConfigDiagnostic diagnostic)
    {
        if (_errors.Count >= MaxKept)
        {
            _droppedErrors += _seen.Contains(diagnostic) ? 0 : 1;
        }
        else if (_seen.Add(diagnostic))
        {
            _errors.Add(diagnostic);
        }
    }

    public void Warning(ConfigDiagnostic diagnostic)
    {
        if (_warnings.Count >= MaxKept)
        {
            _droppedWarnings += _seen.Contains(diagnostic) ? 0 : 1;
        }
        else if (_seen.Add(diagnostic))
        {
            _warnings.Add(diagnostic);
        }
    }

    /// <summary>Adds one file-level line per kind that went past the bound, saying how many were not kept.</summary>
    public void Summarize(string mainFile)
    {
        if (_droppedErrors > 0)
        {
            _errors.Add(
                new ConfigDiagnostic(
                    mainFile,
                    0,
                    "",
                    "",
                    $"{_droppedErrors} more errors not shown (only the first {MaxKept} are)"
                )
            );
        }
        if (_droppedWarnings > 0)
        {
            _warnings.Add(
                new ConfigDiagnostic(
                    mainFile,
                    0,
                    "",
                    "",
                    $"{_droppedWarnings} more warnings not shown (only the first {MaxKept} are)"
                )
            );
        }
        _droppedErrors = _droppedWarnings = 0;
    }

    public void Error(RawValue value, string section, string option, string message) =>
        Error(new ConfigDiagnostic(value.File, value.Line, section, option, message));

    public void Error(RawSection section, string option, string message) =>
        Error(new ConfigDiagnostic(section.File, section.Line, section.Name, option, message));

    public void Warning(RawValue value, string section, string option, string message) =>
        Warning(new ConfigDiagnostic(value.File, value.Line, section, option, message));

    public void Warning(RawSection section, string option, string message) =>
        Warning(new ConfigDiagnostic(section.File, section.Line, section.Name, option, message));
}
