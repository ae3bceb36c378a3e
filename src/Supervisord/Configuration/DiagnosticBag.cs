using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration;

/// <summary>
/// Collects what loading finds. Identical diagnostics are kept once: a program listed in two [group:x] sections is
/// bound twice, and its errors should not be reported twice.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<ConfigDiagnostic> _errors = [];
    private readonly List<ConfigDiagnostic> _warnings = [];
    private readonly HashSet<ConfigDiagnostic> _seen = [];

    public List<string> Notices { get; } = [];

    public IReadOnlyList<ConfigDiagnostic> Errors => _errors;

    public IReadOnlyList<ConfigDiagnostic> Warnings => _warnings;

    public bool HasErrors => _errors.Count > 0;

    public int ErrorCount => _errors.Count;

    public void Error(ConfigDiagnostic diagnostic)
    {
        if (_seen.Add(diagnostic))
        {
            _errors.Add(diagnostic);
        }
    }

    public void Warning(ConfigDiagnostic diagnostic)
    {
        if (_seen.Add(diagnostic))
        {
            _warnings.Add(diagnostic);
        }
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
