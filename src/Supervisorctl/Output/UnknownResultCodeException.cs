namespace Supervise.Supervisorctl.Output;

/// <summary>Supervisor's "assertion" ValueError for a result code a formatter does not know.</summary>
/// <param name="SourceLine">The line of supervisorctl.py that raises it, echoed in the error line.</param>
internal sealed class UnknownResultCodeException(int code, string name, int sourceLine)
    : Exception($"Unknown result code {code} for {name}")
{
    public int SourceLine { get; } = sourceLine;
}
