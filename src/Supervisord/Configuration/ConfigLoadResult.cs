using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration;

/// <summary>
/// What loading produced: the configuration when there were no errors, every error (never only the first),
/// warnings (unknown keys, deprecated forms) and notices (Supervisor's "Included extra file ..." lines) for the main log.
/// </summary>
public sealed record ConfigLoadResult(
    SupervisorConfig? Config,
    IReadOnlyList<ConfigDiagnostic> Errors,
    IReadOnlyList<ConfigDiagnostic> Warnings,
    IReadOnlyList<string> Notices
)
{
    public bool Succeeded => Config is not null && Errors.Count == 0;
}
