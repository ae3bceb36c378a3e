namespace Supervise.Supervisord.Configuration;

/// <summary>One problem found in a configuration, with its place: <c>FILE:LINE [section] option: message</c>.</summary>
/// <param name="Line">1-based line number, or 0 when the problem has no single line (a missing section).</param>
/// <param name="Section">The section name without brackets, or empty.</param>
/// <param name="Option">The option name, or empty when the problem is the section or the file.</param>
public sealed record ConfigDiagnostic(string File, int Line, string Section, string Option, string Message)
{
    public override string ToString()
    {
        var place = Line > 0 ? $"{File}:{Line}" : File;
        var section = Section.Length > 0 ? $" [{Section}]" : "";
        var option = Option.Length > 0 ? $" {Option}" : "";
        return $"{place}{section}{option}: {Message}";
    }
}
