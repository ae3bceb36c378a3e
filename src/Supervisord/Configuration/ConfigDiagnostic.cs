namespace Supervise.Supervisord.Configuration;

/// <summary>One problem found in a configuration, with its place: <c>FILE:LINE [section] option: message</c>.</summary>
/// <param name="Line">1-based line number, or 0 when the problem has no single line (a missing section).</param>
/// <param name="Section">The section name without brackets, or empty.</param>
/// <param name="Option">The option name, or empty when the problem is the section or the file.</param>
public sealed record ConfigDiagnostic(string File, int Line, string Section, string Option, string Message)
{
    /// <summary>
    /// A last bound on one message: binders already cut the values they echo (<see cref="Echo"/>), this keeps one line
    /// readable even if one of them did not.
    /// </summary>
    public const int MaxMessageChars = 2000;

    /// <summary>One line whatever the input: section and option names are cut and escaped like echoed values.</summary>
    public override string ToString()
    {
        var place = Line > 0 ? $"{File}:{Line}" : File;
        var section = Section.Length > 0 ? $" [{Echo.Escape(Echo.Text(Section))}]" : "";
        var option = Option.Length > 0 ? $" {Echo.Escape(Echo.Text(Option))}" : "";
        var message =
            Message.Length > MaxMessageChars ? $"{Message[..MaxMessageChars]}… ({Echo.Length(Message)})" : Message;
        return $"{place}{section}{option}: {Echo.Escape(message)}";
    }
}
